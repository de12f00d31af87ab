// The one import of webextension-polyfill: every browser API goes through src/platform.
import browser from 'webextension-polyfill';

export { browser };
