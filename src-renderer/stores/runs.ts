import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type { ListRunsQuery, RunPage, RunProgress, RunStatus, RunSummary } from '../../src-shared/api';
import { lab } from '../api/lab';

export const pageSizes = [25, 50, 100] as const;

/**
 * The run history as the Runs view pages through it (filtering, sorting and paging happen in the
 * database), plus live progress for every run fed by the lab's events.
 */
export const useRunsStore = defineStore('runs', () => {
  const query = reactive<Required<Pick<ListRunsQuery, 'text' | 'sort' | 'order' | 'offset' | 'limit'>> & Pick<ListRunsQuery, 'kind' | 'status' | 'tag'>>({
    text: '',
    kind: undefined,
    status: undefined,
    tag: undefined,
    sort: 'createdAt',
    order: 'desc',
    offset: 0,
    limit: 25,
  });
  const page = ref<RunPage>({ runs: [], total: 0 });
  const loading = ref(false);
  const error = ref<string | null>(null);
  const progress = reactive(new Map<number, RunProgress>());
  let pending: Promise<void> | null = null;
  let again = false;

  function cleanQuery(): ListRunsQuery {
    const q: ListRunsQuery = { sort: query.sort, order: query.order, offset: query.offset, limit: query.limit };
    if (query.text.trim()) q.text = query.text.trim();
    if (query.kind) q.kind = query.kind;
    if (query.status) q.status = query.status;
    if (query.tag?.trim()) q.tag = query.tag.trim();
    return q;
  }

  /** Reload the current page; calls that arrive while one is in flight coalesce into one more. */
  async function refresh(): Promise<void> {
    if (pending) {
      again = true;
      return pending;
    }
    loading.value = true;
    pending = (async () => {
      try {
        do {
          again = false;
          page.value = await lab.listRuns(cleanQuery());
          error.value = null;
        } while (again);
      } catch (e) {
        error.value = (e as Error).message;
      } finally {
        loading.value = false;
        pending = null;
      }
    })();
    return pending;
  }

  function patch(summary: RunSummary): void {
    const k = page.value.runs.findIndex((r) => r.id === summary.id);
    if (k >= 0) page.value.runs.splice(k, 1, summary);
  }

  let subscribed = false;
  function subscribe(): void {
    if (subscribed) return;
    subscribed = true;
    lab.on('runProgress', (p) => progress.set(p.id, p));
    lab.on('runChanged', (e: { id: number; status: RunStatus }) => {
      const run = page.value.runs.find((r) => r.id === e.id);
      if (run) run.status = e.status;
      if (e.status !== 'running' && e.status !== 'queued') progress.delete(e.id);
      void refresh();
    });
    // Changes made while the event stream was (re)connecting were never heard of.
    lab.onConnected?.(() => void refresh());
  }

  return { query, page, loading, error, progress, refresh, patch, subscribe };
});
