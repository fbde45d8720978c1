import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// System fonts first; Noto covers Arabic where the system has nothing better.
const FONTS =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans Arabic', 'Noto Sans', 'Noto Naskh Arabic', Roboto, sans-serif";

export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9: white button text keeps a 4.5:1 contrast (WCAG AA).
  primaryShade: 9,
  fontFamily: FONTS,
  headings: { fontFamily: FONTS },
  defaultRadius: 'md',
});

// Mantine's default "dimmed" grey and error red are below 4.5:1 on white; secondary text and the
// messages under form fields must stay readable.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
