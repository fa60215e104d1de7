/** What the trust center says about the controls: only what the public view discloses is counted. */
import { describe, expect, test } from 'vitest';
import { applicabilityInBrief, applicableSummary, controlOverview, overviewText, sections } from '../../src/view/trust-center.ts';
import { publicPages } from '../../src/view/public-pages.ts';
import { view, type PublicControl, type PublicView } from '../../src/view/view.ts';
import { exampleContent, fixture, modelOf } from '../helpers/content.ts';

const example = view(modelOf(exampleContent), 'public');
const withControls = (site: PublicView, change: (c: PublicControl) => PublicControl): PublicView => ({ ...site, controls: site.controls.map(change) });
const undisclosed = ({ id, title, theme, policies, answers }: PublicControl): PublicControl => ({ id, title, theme, disclosed: false, policies, answers });

describe('controlOverview', () => {
  test('a control whose SoA entry is internal is neither applicable nor excluded', () => {
    const overview = controlOverview(example);
    expect({ ...overview, themes: undefined }).toEqual({ themes: undefined, total: 93, disclosed: 85, undisclosed: 8, applicable: 81, excluded: 4, implemented: 75 });
    expect(overview.themes.map((t) => `${t.title}: ${t.applicable} of ${t.disclosed} (${t.total})`)).toEqual([
      'Organizational controls: 34 of 34 (37)',
      'People controls: 7 of 7 (8)',
      'Physical controls: 8 of 12 (14)',
      'Technological controls: 32 of 32 (34)',
    ]);
    expect(overviewText(overview, 'Larkspur Analytics')).toEqual({
      text: 'Larkspur Analytics publishes the Statement of Applicability entries of 85 of the 93 ISO/IEC 27001:2022 Annex A controls: 81 of these apply to Larkspur Analytics, and 75 are fully implemented. The entries of the other 8 controls are shared on request.',
      onRequest: true,
    });
    expect(applicabilityInBrief(overview)).toBe('81 of the 85 disclosed apply; 8 on request.');
  });

  test('with no SoA entry disclosed, it says the SoA is not published, not that nothing applies', () => {
    const overview = controlOverview(withControls(example, undisclosed));
    expect(overview).toMatchObject({ disclosed: 0, undisclosed: 93, applicable: 0, excluded: 0 });
    expect(overviewText(overview, 'Acme')).toEqual({
      text: 'Acme does not publish its Statement of Applicability, which says which of the 93 ISO/IEC 27001:2022 Annex A controls apply and how each is met. It is shared on request.',
      onRequest: true,
    });
    expect(applicabilityInBrief(overview)).toBe('The Statement of Applicability is shared on request.');
    const site = withControls(example, undisclosed);
    expect(sections(site)[0]!.text).toBe('The 93 Annex A controls; how each is met is shared on request.');
    expect(publicPages(site, '2026-06-15').find((p) => p.path === '/controls/')!.description).toBe(
      'How Larkspur Analytics meets the 93 controls of ISO/IEC 27001:2022 Annex A. The Statement of Applicability is shared on request.',
    );
  });

  test('with every entry disclosed, it counts all 93, in agreement with the numbers', () => {
    const all = withControls(example, (c) => (c.disclosed ? c : { ...c, disclosed: true, applicable: true, status: 'implemented' }));
    const overview = controlOverview(all);
    expect(overview).toMatchObject({ disclosed: 93, undisclosed: 0, applicable: 89, implemented: 83 });
    expect(overviewText(overview, 'Acme')).toEqual({ text: '89 of the 93 ISO/IEC 27001:2022 Annex A controls apply to Acme; 83 are fully implemented.', onRequest: false });
    const one = withControls(all, ({ status: _, ...c }) => (c.id === 'A.5.1' ? { ...c, status: 'implemented' } : { ...c, applicable: false }));
    expect(overviewText(controlOverview(one), 'Acme').text).toBe('1 of the 93 ISO/IEC 27001:2022 Annex A controls applies to Acme; 1 is fully implemented.');
  });
});

describe('applicableSummary', () => {
  const control = example.controls.find((c) => c.disclosed && c.applicable && c.status === 'implemented')!;
  test('the public summary when there is one', () => {
    expect(applicableSummary(control, 'Acme')).toEqual({ text: control.publicSummary, onRequest: false });
  });
  test('without one, where the control stands and that details are on request, never a bare status', () => {
    const { publicSummary: _, ...bare } = control;
    expect(applicableSummary(bare, 'Acme')).toEqual({ text: 'Acme has implemented this control. How it is met is shared on request.', onRequest: true });
    expect(applicableSummary({ ...bare, status: 'planned', targetDate: '2026-09-30' }, 'Acme')!.text).toBe('Acme plans to implement this control by 30 September 2026. How it is met is shared on request.');
  });
  test('nothing for an excluded or undisclosed control', () => {
    expect(applicableSummary({ ...control, applicable: false }, 'Acme')).toBeUndefined();
    expect(applicableSummary(undisclosed(control), 'Acme')).toBeUndefined();
  });
});

describe('sections', () => {
  test('counts agree with their nouns, and empty sections say so', () => {
    const site = view(modelOf(fixture('valid-minimal')), 'public');
    const one: PublicView = { ...site, policies: site.policies.slice(0, 1), policiesOnRequest: [], subprocessors: site.subprocessors.slice(0, 1), answers: site.answers.slice(0, 1) };
    expect(sections(one).map((s) => s.text).slice(1, 5)).toEqual(['1 published policy.', '1 third party that processes customer data.', 'No document listed yet.', '1 answer to common security questions, each with a link to share.']);
    const none: PublicView = { ...site, policies: [], policiesOnRequest: [], subprocessors: [], answers: [], updates: [] };
    expect(sections(none).map((s) => s.text).slice(1)).toEqual(['No policy published yet.', 'No subprocessor listed yet.', 'No document listed yet.', 'No answer published yet.', 'Changes to certifications, policies and subprocessors.']);
  });
});
