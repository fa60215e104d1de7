/** Every URL of both sites comes from one module. */
import { describe, expect, test } from 'vitest';
import * as urls from '../../src/view/urls.ts';
import { requestAccessHref } from '../../src/view/urls.ts';

test('pages of both sites', () => {
  expect(urls.controlPath('A.8.24')).toBe('/controls/a-8-24/');
  expect(urls.policyPath('access-control')).toBe('/policies/access-control/');
  expect(urls.personPath('ada-lovelace')).toBe('/people/ada-lovelace/');
  expect(urls.evidencePath('access-review')).toBe('/evidence/#access-review');
  expect(urls.riskPath('r-1')).toBe('/risks/#r-1');
  expect(urls.soaThemePath('physical')).toBe('/soa/#physical');
  expect(urls.soaStatusPath('partial')).toBe('/soa/?status=partial');
  expect(urls.soaRowAnchor('A.8.24')).toBe('a-8-24');
  expect(urls.clausePath('6.1.2')).toBe(`/clauses/#${urls.clauseAnchor('6.1.2')}`);
  expect(urls.frameworkPath('soc2')).toBe('/frameworks/#soc2');
  expect(urls.controlsThemePath('people')).toBe('/controls/#people');
  expect(urls.answerPath('sso')).toBe('/answers/sso/');
  expect(urls.answerAnchor('sso')).toBe('/answers/#sso');
  expect(urls.answersTopicPath('access-control')).toBe('/answers/#access-control');
  expect(urls.certificatePath('iso27001')).toBe('/certificates/iso27001.pdf');
});

test('Open Graph images and their route parameter', () => {
  expect(urls.ogImagePath('/controls/a-8-24/')).toBe('/og/controls/a-8-24.png');
  expect(urls.ogImagePath('/')).toBe('/og/index.png');
  expect(urls.ogImageParam('/controls/a-8-24/')).toBe('controls/a-8-24');
  expect(`/og/${urls.ogImageParam('/answers/')}.png`).toBe(urls.ogImagePath('/answers/'));
});

test('contacts', () => {
  expect(urls.mailtoHref('trust@example.com')).toBe('mailto:trust@example.com');
  expect(urls.contactText('mailto:security@example.com')).toBe('security@example.com');
  expect(urls.contactText('https://example.com/security')).toBe('https://example.com/security');
});

describe('requestAccessHref', () => {
  const doc = { id: 'soc2-report', title: 'SOC 2 Type II report & bridge letter', access: 'nda' as const };
  const fields = { document: 'document', title: 'title', organisation: 'organisation' };
  test('a form from the settings opens with the document and the organisation filled in, every value encoded', () => {
    const href = requestAccessHref({ email: 'trust@example.com', requestUrl: 'https://forms.example.com/request?source=trust', requestFields: { ...fields, document: 'entry.1' } }, 'Acme & Co', 'https://trust.example.com/documents/#soc2-report', doc);
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe('https://forms.example.com/request');
    expect(Object.fromEntries(url.searchParams)).toEqual({ source: 'trust', 'entry.1': 'soc2-report', title: 'SOC 2 Type II report & bridge letter', organisation: 'Acme & Co' });
  });

  test('without a form, an e-mail whose subject and body name the document, with blanks for the requester', () => {
    const href = requestAccessHref({ email: 'trust@example.com', requestFields: fields }, 'Acme', 'https://trust.example.com/documents/#soc2-report', doc);
    expect(href).toMatch(/^mailto:trust@example\.com\?subject=/);
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1).replace(/\+/g, '%2B'));
    expect(params.get('subject')).toBe('Access request: SOC 2 Type II report & bridge letter');
    expect(params.get('body')!.split('\r\n')).toEqual([
      'Document: SOC 2 Type II report & bridge letter (soc2-report)',
      'Shared under a non-disclosure agreement.',
      'Trust center: Acme, https://trust.example.com/documents/#soc2-report',
      '',
      'Your name: ',
      'Your company: ',
      'Your work e-mail: ',
      'Why you need it: ',
    ]);
    expect(requestAccessHref({ email: 'trust@example.com', requestUrl: 'mailto:nda@example.com', requestFields: fields }, 'Acme', 'https://trust.example.com/')).toMatch(/^mailto:nda@example\.com\?subject=Access%20request%3A%20Acme%20security%20documents&body=Documents%3A%20/);
  });
});
