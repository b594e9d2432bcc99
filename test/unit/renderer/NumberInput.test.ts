// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import NumberInput from '../../../src-renderer/components/NumberInput.vue';
import NumberListInput from '../../../src-renderer/components/NumberListInput.vue';

describe('number inputs', () => {
  it('emits NaN for junk so the schema can name the field, and shows its errors', async () => {
    const w = mount(NumberInput, { props: { id: 'samples', label: 'samples', modelValue: 20, errors: [] } });
    const input = w.get('input');
    expect(w.get('label').attributes('for')).toBe('samples');
    await input.setValue('abc');
    expect(Number.isNaN(w.emitted('update:modelValue')!.at(-1)![0])).toBe(true);
    await input.setValue('1e3');
    expect(w.emitted('update:modelValue')!.at(-1)![0]).toBe(1000);
    await w.setProps({ errors: ['must be a whole number'] });
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toBe('samples-err');
    expect(w.get('#samples-err').text()).toBe('must be a whole number');
  });

  it('keeps the typed text while the model follows, and takes an external change', async () => {
    const w = mount(NumberInput, { props: { id: 'x', label: 'x', modelValue: 1 } });
    await w.get('input').setValue('0.50');
    await w.setProps({ modelValue: 0.5 });
    expect((w.get('input').element as HTMLInputElement).value).toBe('0.50');
    await w.setProps({ modelValue: 2 });
    expect((w.get('input').element as HTMLInputElement).value).toBe('2');
  });

  it('parses a list with commas or spaces', async () => {
    const w = mount(NumberListInput, { props: { id: 'etas', label: 'η', modelValue: [0.1] } });
    await w.get('input').setValue('0.1, 0.03 0.01');
    expect(w.emitted('update:modelValue')!.at(-1)![0]).toEqual([0.1, 0.03, 0.01]);
  });
});
