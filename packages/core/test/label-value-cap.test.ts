import { LabelValueCap, OTHER_LABEL_VALUE, isPlainLabelValue } from '../src';

describe('LabelValueCap', () => {
  it('keeps the first distinct values up to the limit, then answers _other', () => {
    const cap = new LabelValueCap(2);
    expect(['a', 'b', 'a', 'c', 'b', 'd'].map((value) => cap.valueFor(value))).toEqual(['a', 'b', 'a', OTHER_LABEL_VALUE, 'b', OTHER_LABEL_VALUE]);
  });

  it.each([
    ['orders.sync', true],
    ['deployment : crm.createLead', true],
    ['', false],
    ['x'.repeat(101), false],
    ['line\nbreak', false],
    ['quote"d', false],
    ['{"token":"abc"}', false],
    [OTHER_LABEL_VALUE, false],
  ])('%j is a plain label value: %s', (value, plain) => {
    expect(isPlainLabelValue(value)).toBe(plain);
    expect(new LabelValueCap(10).valueFor(value)).toBe(plain ? value : OTHER_LABEL_VALUE);
  });
});
