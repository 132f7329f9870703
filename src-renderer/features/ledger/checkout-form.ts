import type { ActivityCategory, PreUseChecks } from '../../../src-main/contract/index.js';
import type { CommandInput } from '../../api/types.js';
import { wallTimeToIso } from '../../format/zoned-time.js';

export const activityCategories: readonly ActivityCategory[] = ['investigation', 'hearing', 'on-site', 'service-left', 'service-notice'];
export const preUseChecks = ['battery', 'storage', 'clock'] as const;
export type PreUseCheck = (typeof preUseChecks)[number];

export interface CheckoutValues {
  deviceSerial: string;
  officerNumber: string;
  category: ActivityCategory | '';
  caseNumber: string;
  caseName: string;
  place: string;
  /** The station's wall clock (`datetime-local`), empty when not known. */
  expectedReturn: string;
  remote: boolean;
  /** Null until the clerk answers: Art. 7 wants each check made, not assumed. */
  checks: Record<PreUseCheck, 'ok' | 'fail' | null>;
}

export type CheckoutField = 'deviceSerial' | 'officerNumber' | 'expectedReturn' | PreUseCheck;
/** Each field's problem as a key of the language files. */
export type CheckoutErrors = Partial<Record<CheckoutField, string>>;

export const emptyCheckout: CheckoutValues = {
  deviceSerial: '',
  officerNumber: '',
  category: '',
  caseNumber: '',
  caseName: '',
  place: '',
  expectedReturn: '',
  remote: false,
  checks: { battery: null, storage: null, clock: null },
};

/** What the clerk must still fix, or the request to send. */
export function checkoutRequest(values: CheckoutValues, zone: string): { errors: CheckoutErrors; request: CommandInput<'ledger.checkout'> | null } {
  const errors: CheckoutErrors = {};
  if (values.deviceSerial === '') errors.deviceSerial = 'checkout.errors.device';
  if (values.officerNumber === '') errors.officerNumber = 'checkout.errors.officer';
  const expectedReturnAt = values.expectedReturn === '' ? undefined : wallTimeToIso(values.expectedReturn, zone);
  if (expectedReturnAt === null) errors.expectedReturn = 'checkout.errors.expectedReturn';
  for (const check of preUseChecks) if (values.checks[check] === null) errors[check] = 'checkout.errors.unanswered';
  const { battery, storage, clock } = values.checks;
  if (Object.keys(errors).length > 0 || battery === null || storage === null || clock === null || expectedReturnAt === null) {
    return { errors, request: null };
  }
  const checks: PreUseChecks = { battery, storage, clock };
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    errors,
    request: {
      deviceSerial: values.deviceSerial,
      officerNumber: values.officerNumber,
      checks,
      category: values.category === '' ? undefined : values.category,
      caseNumber: text(values.caseNumber),
      caseName: text(values.caseName),
      place: text(values.place),
      expectedReturnAt,
      remote: values.remote,
    },
  };
}
