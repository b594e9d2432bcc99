import { computed, ref } from 'vue';
import { darkStyle, lightStyle } from './charts/style';

/** Light or dark, following the system (prefers-color-scheme), live. */
const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
const dark = ref(query?.matches ?? false);
query?.addEventListener('change', (e) => {
  dark.value = e.matches;
});

export const isDark = computed(() => dark.value);
export const chartStyle = computed(() => (dark.value ? darkStyle : lightStyle));
