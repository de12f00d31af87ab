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
  const [digits, setDigits] = useState<string | null>(null);
  useEffect(() => {
    // Cleared at once: a stale fingerprint must never stand beside another invitation.
    setDigits(null);
    let current = true;
    void roundFingerprint(binding).then((value) => current && setDigits(value), () => current && setDigits(null));
    return () => {
      current = false;
    };
    // Every part of the binding the fingerprint covers (round-binding.ts), the content hash included.
  }, [binding.round, binding.publicKey, binding.minGroup, binding.questionnaire.id, binding.questionnaire.version, binding.questionnaire.hash]);
  return digits;
}
