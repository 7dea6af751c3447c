import { describe, expect, it } from 'vitest';
import { INCIDENTS_STORE, LEAD_STATUS_INDEX, STATUS_INDEX } from './names';
import { SCHEMA_VERSIONS } from './schema';

describe('the names peek.ts reads raw', () => {
  it('are the incidents store and its status index in the latest schema', () => {
    const latest = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!;
    expect(latest.stores[INCIDENTS_STORE]?.split(/,\s*/)).toContain(STATUS_INDEX);
    expect(latest.stores[INCIDENTS_STORE]?.split(/,\s*/)).toContain(LEAD_STATUS_INDEX);
  });
});
