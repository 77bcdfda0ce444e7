import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { timedStore } from '../../src/store/timed-store';

describe('timedStore', () => {
  it('times the store’s calls and its surveys’ calls, passing their results through', async () => {
    const observed: string[] = [];
    const store = timedStore(openSqliteStore(':memory:'), (method, seconds) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      observed.push(method);
    });
    expect(store.kind).toBe('sqlite');
    expect(await store.countActors({})).toBe(0);
    expect(await store.surveys.listSurveys()).toEqual([]);
    expect(await store.surveys.getSurvey('nope')).toBeNull();
    await store.close();
    expect(observed).toEqual(['countActors', 'surveys.listSurveys', 'surveys.getSurvey', 'close']);
  });
});
