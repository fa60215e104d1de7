/** Every URL of both sites comes from one module. */
import { expect, test } from 'vitest';
import * as urls from '../../src/view/urls.ts';

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
