import { useEffect, useState } from 'preact/hooks';
import { roundFingerprint, type RoundBinding } from '../../core/round/round-binding';
import { useT } from '../../ui/app-context';

/**
 * The round's fingerprint, with the one sentence that makes it useful: the team compares
 * it in a channel they share. A substituted invitation (another key, or a lower minimum
 * group) shows other digits.
 */
export function Fingerprint({ binding, who }: { binding: RoundBinding; who: 'lead' | 'member' }) {
  const t = useT();
  const digits = useFingerprint(binding);
  return (
    <div class="fingerprint-box">
      <p>
        {t('team.fingerprint')}{' '}
        <strong class="fingerprint" data-testid="round-fingerprint">{digits ?? '…'}</strong>
      </p>
      <p class="hint small">{t(who === 'lead' ? 'team.fingerprintLead' : 'team.fingerprintMember')}</p>
    </div>
  );
}

/** The round's fingerprint once worked out (it takes a digest), or null until then. */
export function useFingerprint(binding: RoundBinding): string | null {
  // Every part of the binding the fingerprint covers (round-binding.ts), the content hash included.
  const covered = [binding.round, binding.publicKey, binding.minGroup, binding.questionnaire.id, binding.questionnaire.version, binding.questionnaire.hash].join('\n');
  const [worked, setWorked] = useState<{ for: string; digits: string } | null>(null);
  useEffect(() => {
    let current = true;
    void roundFingerprint(binding).then((digits) => current && setWorked({ for: covered, digits }), () => undefined);
    return () => {
      current = false;
    };
  }, [covered]);
  // Only the digits of this binding: a stale fingerprint must never stand beside another
  // invitation, not even for the frame before an effect could clear it.
  return worked?.for === covered ? worked.digits : null;
}
