// The text tables are pure and shared with the kinds' result text (src-shared/kinds/).
export * from '../../../src-shared/format/table';
