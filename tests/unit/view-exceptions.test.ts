/** The exceptions the handbook lists: on the dashboard, and on the page of the control they concern. */
import { expect, test } from 'vitest';
import { activeExceptions, exceptionsCovering } from '../../src/view/exceptions.ts';
import { contentWith, modelOf } from '../helpers/content.ts';

const exception = (id: string, subject: string, expires: string, rule = 'evidence/freshness') =>
  `id: ${id}\nrule: ${rule}\nsubject: ${subject}\nreason: Being fixed.\napprover: alan-turing\napproved: 2026-05-01\nexpires: ${expires}\n`;

const model = modelOf(
  contentWith({
    'exceptions/late.yaml': exception('late', '{ collection: evidence, id: access-review }', '2026-09-30'),
    'exceptions/soon.yaml': exception('soon', '{ collection: soa, id: A.5.15 }', '2026-07-01', 'soa/owner-required'),
    'exceptions/gone.yaml': exception('gone', '{ collection: soa, id: A.5.15 }', '2026-06-01', 'soa/owner-required'),
    'exceptions/other.yaml': exception('other', '{ collection: risks, id: r-1 }', '2026-12-31', 'people/owner-has-left'),
  }),
);

test('the dashboard lists the exceptions in force, the first to expire first, with what they cover and days left', () => {
  expect(activeExceptions(model, '2026-06-15')).toMatchInlineSnapshot(`
    [
      {
        "anchor": "exception-soon",
        "approved": "2026-05-01",
        "approver": {
          "href": "/people/alan-turing/",
          "id": "alan-turing",
          "name": "Alan Turing",
        },
        "covers": {
          "href": "/controls/a-5-15/",
          "label": "A.5.15 Access control",
        },
        "daysLeft": 16,
        "expires": "2026-07-01",
        "id": "soon",
        "reason": "Being fixed.",
        "rule": "soa/owner-required",
        "tone": "warn",
      },
      {
        "anchor": "exception-late",
        "approved": "2026-05-01",
        "approver": {
          "href": "/people/alan-turing/",
          "id": "alan-turing",
          "name": "Alan Turing",
        },
        "covers": {
          "href": "/evidence/#access-review",
          "label": "Quarterly access review",
        },
        "daysLeft": 107,
        "expires": "2026-09-30",
        "id": "late",
        "reason": "Being fixed.",
        "rule": "evidence/freshness",
        "tone": "neutral",
      },
      {
        "anchor": "exception-other",
        "approved": "2026-05-01",
        "approver": {
          "href": "/people/alan-turing/",
          "id": "alan-turing",
          "name": "Alan Turing",
        },
        "covers": {
          "href": "/risks/#r-1",
          "label": "Account takeover",
        },
        "daysLeft": 199,
        "expires": "2026-12-31",
        "id": "other",
        "reason": "Being fixed.",
        "rule": "people/owner-has-left",
        "tone": "neutral",
      },
    ]
  `);
});

test('a control page lists those that cover its SoA entry or its evidence', () => {
  expect(exceptionsCovering(model, '2026-06-15', [{ collection: 'soa', id: 'A.5.15' }, { collection: 'evidence', id: 'access-review' }]).map((x) => x.id)).toEqual(['soon', 'late']);
  expect(exceptionsCovering(model, '2026-06-15', [{ collection: 'soa', id: 'A.5.1' }])).toEqual([]);
});
