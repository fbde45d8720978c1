import { Badge } from '@mantine/core';

/** A badge colour and a text colour dark enough for 4.5:1 on the light badge's tinted background. */
export type Tint = [color: string, text: string];

// Next to a long name in a row that does not wrap, a badge keeps its full width.
const NO_SHRINK = { flexShrink: 0 };
// In a narrow table column, Mantine's label clips with an ellipsis, which lets a table squeeze it.
const WHOLE_LABEL = { label: { overflow: 'visible' } } as const;

/** The one status badge of the app: light variant, darker text, never shrunk. */
export function TintedBadge({
  colors: [color, text],
  label,
  size,
  wholeLabel = false,
  ...data
}: {
  colors: Tint;
  label: string;
  size?: 'sm' | 'md' | 'lg';
  /** Never clip the label, even in a narrow table column. */
  wholeLabel?: boolean;
  'data-status'?: string;
  'data-kind'?: string;
  'data-testid'?: string;
}) {
  return (
    <Badge
      color={color}
      c={text}
      variant="light"
      radius="sm"
      tt="none"
      size={size}
      style={NO_SHRINK}
      styles={wholeLabel ? WHOLE_LABEL : undefined}
      {...data}
    >
      {label}
    </Badge>
  );
}
