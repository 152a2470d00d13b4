/** Protective equipment (soft helmets, special gloves): outside § 128, part of the duty of care (SEL § 82); not force. */

import { NOT_FORCE } from '../common.ts';
import { not } from '../predicates.ts';
import type { Provision } from '../types.ts';

export const sel82: Provision = {
  id: 'sel-82',
  label: 'SEL § 82',
  title: 'Beskyttelsesmidler (bløde hjelme, specialhandsker) som led i omsorgspligten',
  chapter: null,
  ...NOT_FORCE,
  decider: 'sel-82',
  complaintCite: [],
  maxDuration: null,
  cite: ['sel-82', 'vejl2025-k16-p4', 'vejl2025-k3'],
  conditions: [
    {
      id: 'no-holding-to-fit',
      text: 'Personen skal ikke holdes fast for at få beskyttelsesmidlet på – gør personen modstand, er fastholdelsen magtanvendelse efter § 124 d, stk. 2, og dens betingelser skal være opfyldt.',
      cite: ['vejl2025-k16-p4'],
      kind: 'prohibition',
      when: not('physicalResistance'),
      unmet:
        'Skal personen holdes fast for at få hjelm eller handsker på, er det fastholdelse efter § 124 d, stk. 2 – vurder det som "restraint".',
    },
  ],
};
