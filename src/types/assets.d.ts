// build.mjs loads stylesheets as text; a page applies its own with adoptStylesheet.
declare module '*.css' {
  const cssText: string;
  export default cssText;
}
