/**
 * For a required field left empty — as an import leaves every field its source did not give — who
 * can say what goes there, and how to write it. The loader's "missing the required field" problem
 * gives this as its hint, so that the to-do list says whom to ask, not only what is missing.
 */
import type { CollectionName } from './collections.ts';

const asks: Partial<Record<CollectionName, Readonly<Record<string, string>>>> = {
  policies: {
    version: 'Ask the policy\'s owner for the version of the approved document, and write it as `version: "1.0"` (quoted, so that 1.10 stays 1.10).',
    owner: 'Ask who maintains this policy (usually the security lead or the head of the area it governs), and write their person id as `owner:`.',
    approver: 'Ask who approved this version — top management for the information security policy (clause 5.2), the owner\'s manager or the ISMS committee for the others — and write their person id as `approver:`.',
    approved: 'Ask the approver for the date they approved this version (meeting minutes or an approval e-mail record it), and write it as `approved: YYYY-MM-DD`.',
    effective: 'Ask the owner from which date this version applies (often the day it was published to staff), and write it as `effective: YYYY-MM-DD`.',
    nextReview: 'Write the date of the next review as `nextReview: YYYY-MM-DD`: the approval date plus the review interval (12 months unless `reviewIntervalMonths` says otherwise).',
    title: 'Write the policy\'s title as it appears on the approved document.',
  },
  evidence: {
    collected: 'Ask the evidence owner when this record was last produced, and write it as `collected: YYYY-MM-DD`.',
    owner: 'Ask who produces this record (the control owner, usually), and write their person id as `owner:`.',
    maxAgeDays: 'Write after how many days the record is out of date: 90 for a quarterly review, 365 for an annual one (`maxAgeDays: 90`).',
    location: 'Ask the owner where the record is kept (a ticket, a folder, a dashboard), and write its address as `location:`.',
  },
  people: {
    email: 'Ask the person (or HR) for their work e-mail address, and write it as `email:`.',
    role: 'Write the person\'s job title or ISMS role as `role:` (`Head of Engineering`, `Control owner`).',
  },
  subprocessors: {
    purpose: 'Ask the owner of the supplier relationship what the subprocessor does with customer data, and write it as `purpose:`.',
    dataCategories: 'Ask the owner of the supplier relationship (or the DPA) which kinds of customer data it processes, as `dataCategories: [Contact details, Usage data]`.',
    location: 'The data processing agreement says where the data is processed: write it as `location:` (`EU (Ireland)`).',
    since: 'The contract says from when the subprocessor was used: write it as `since: YYYY-MM-DD`.',
  },
  certifications: {
    certificateNumber: 'The certificate itself gives its number: copy it as `certificateNumber:`.',
    issued: 'The certificate gives its issue date: write it as `issued: YYYY-MM-DD`.',
    expires: 'The certificate gives its expiry date: write it as `expires: YYYY-MM-DD`.',
  },
};

/** Whom to ask for `field` of an entity of `collection`, when the field is required and absent. */
export function askFor(collection: string, field: string): string | undefined {
  const table = Object.hasOwn(asks, collection) ? asks[collection as CollectionName] : undefined;
  return table && Object.hasOwn(table, field) ? table[field] : undefined;
}
