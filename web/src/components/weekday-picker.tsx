import { Checkbox, Group } from '@mantine/core';
import { useWeekdays } from '../i18n/use-weekdays';
import { sortWeekdays, WEEKDAYS } from '../lib/placement-proposal';

/** The weekdays a trainee spends at the host, Monday to Sunday in the reading direction. */
export function WeekdayPicker({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: readonly number[];
  onChange: (weekdays: number[]) => void;
  error?: string;
}) {
  const days = useWeekdays();
  return (
    <Checkbox.Group
      label={label}
      description={description}
      value={value.map(String)}
      onChange={(values) => onChange(sortWeekdays(values.map(Number)))}
      error={error}
      required
      data-testid="weekday-picker"
    >
      <Group gap="md" mt="xs">
        {WEEKDAYS.map((day) => (
          <Checkbox key={day} value={String(day)} label={days.name(day, 'long')} name="weekdays" />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
