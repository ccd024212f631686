import { describe, expect, it } from 'vitest';
import { addVariant, defaultVariant, MAX_VARIANT_NAME, variantNameProblem } from './list-variant';

const mine = { name: '我的紧急单', query: 'urgent=1', isDefault: true };

describe('list variants', () => {
	it('refuses an empty name, a name too long and a name already taken', () => {
		expect(variantNameProblem('  ', [])).toEqual({ code: 'required' });
		expect(variantNameProblem('名'.repeat(MAX_VARIANT_NAME + 1), [])).toEqual({
			code: 'tooLong',
			max: MAX_VARIANT_NAME
		});
		expect(variantNameProblem(' 我的紧急单 ', [mine])).toEqual({
			code: 'taken',
			name: '我的紧急单'
		});
		expect(variantNameProblem('𠀀'.repeat(MAX_VARIANT_NAME), [mine])).toBeUndefined();
	});

	it('keeps one default: a new default takes the mark', () => {
		const both = addVariant([mine], { name: ' 逾期 ', query: 'overdue=1', isDefault: true });
		expect(both.map((v) => [v.name, v.isDefault])).toEqual([
			['我的紧急单', false],
			['逾期', true]
		]);
		expect(defaultVariant(both)?.query).toBe('overdue=1');
		expect(defaultVariant(addVariant([mine], { name: 'x', query: '', isDefault: false }))).toBe(
			mine
		);
	});
});
