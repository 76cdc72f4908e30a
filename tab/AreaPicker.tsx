import { Field, Select } from "@fluentui/react-components";

/** The area a lead's page is about, among those they may see; choosing one drops the page's loaded view. */
export function AreaPicker(props: {
  areas: ReadonlyArray<{ number: number; title: string }>;
  value: number;
  onChange: (areaNumber: number) => void;
}) {
  return (
    <Field label="Area">
      <Select
        value={String(props.value)}
        onChange={(_, data) => {
          props.onChange(Number(data.value));
        }}
      >
        {props.areas.map((area) => (
          <option key={area.number} value={String(area.number)}>{`${area.number}. ${area.title}`}</option>
        ))}
      </Select>
    </Field>
  );
}
