import { POD_FILTERS } from '../../scheduling/schedule-pods';
import { PIN_IGNORED_FILTERS, PIN_REFUSALS } from './pin-tenant.filters';

describe('PinTenant filters', () => {
  it("decide on each of SelectPod's filters exactly once: refuse the pin, or leave it to SelectPod", () => {
    const decided = [...PIN_REFUSALS.map(([filter]) => filter), ...PIN_IGNORED_FILTERS];
    expect(decided.map((filter) => filter.name).sort()).toEqual(POD_FILTERS.map((filter) => filter.name).sort());
    expect(new Set(decided).size).toBe(POD_FILTERS.length);
  });
});
