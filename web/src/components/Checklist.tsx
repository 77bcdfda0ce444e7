/** A fieldset of checkboxes, one per option; `onChange` receives the options ticked after a click. */
export function Checklist<T extends string>({
  legend,
  options,
  checked,
  nameOf,
  onChange,
}: {
  legend: string;
  options: readonly T[];
  checked: readonly T[];
  nameOf: (option: T) => string;
  onChange: (checked: T[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input
            type="checkbox"
            checked={checked.includes(option)}
            onChange={(e) => onChange(e.target.checked ? [...checked, option] : checked.filter((v) => v !== option))}
          />{' '}
          {nameOf(option)}
        </label>
      ))}
    </fieldset>
  );
}
