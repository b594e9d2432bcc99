import { defineStore } from 'pinia';
import { ref } from 'vue';
import { defaultDraft, draftFromConfig, type Draft } from '../design/draft';

/** The experiment being designed; kept across navigation so leaving the page loses nothing. */
export const useDesignerStore = defineStore('designer', () => {
  const draft = ref<Draft>(defaultDraft());
  /** Where the draft came from, shown to the user ("preset Figure 4", "run #12"). */
  const origin = ref<string>('default');

  function load(config: unknown, from: string): void {
    draft.value = draftFromConfig(config);
    origin.value = from;
  }

  return { draft, origin, load };
});
