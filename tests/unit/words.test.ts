import { describe, expect, test } from 'vitest';
import { agree, plural, withArticle } from '../../src/model/words.ts';

describe('plural', () => {
  test('one is singular; zero and many are plural', () => {
    expect([0, 1, 2].map((n) => plural(n, 'policy', 'policies'))).toEqual(['0 policies', '1 policy', '2 policies']);
    expect([1, 11].map((n) => plural(n, 'subprocessor'))).toEqual(['1 subprocessor', '11 subprocessors']);
    expect([1, 3].map((n) => `${n} ${agree(n, 'applies', 'apply')}`)).toEqual(['1 applies', '3 apply']);
  });
});

describe('withArticle', () => {
  test.each([
    ['array', 'an array'],
    ['object', 'an object'],
    ['undefined', 'an undefined'],
    ['list', 'a list'],
    ['string', 'a string'],
    ['unique id', 'a unique id'],
    ['one-line text', 'a one-line text'],
    ['URL', 'a URL'],
    ['hour', 'an hour'],
    ['ISO/IEC 27001 certificate', 'an ISO/IEC 27001 certificate'],
    ['HTTP link', 'an HTTP link'],
    ['SOC 2 report', 'an SOC 2 report'],
    ['Hello', 'a Hello'],
  ])('%s', (word, expected) => expect(withArticle(word)).toBe(expected));
});

test('codeSpans cuts a diagnostic at its backticks, and keeps an unpaired one as written', async () => {
  const { codeSpans } = await import('../../src/view/labels.ts');
  expect(codeSpans('Add `owners: [<person id>]` naming who is accountable.')).toEqual([{ text: 'Add ' }, { text: 'owners: [<person id>]', code: true }, { text: ' naming who is accountable.' }]);
  expect(codeSpans('`a` and `b`')).toEqual([{ text: 'a', code: true }, { text: ' and ' }, { text: 'b', code: true }]);
  expect(codeSpans('A lone ` stays.')).toEqual([{ text: 'A lone ` stays.' }]);
});
