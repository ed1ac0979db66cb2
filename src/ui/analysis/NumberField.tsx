/** A labelled number input that keeps what is typed and reports a number (or NaN). */
interface Props {
  label: string;
  value: number;
  onChange: (v: number) => void;
  min?: number;
  step?: number;
}

export function NumberField({ label, value, onChange, min = 0, step = 1 }: Props) {
  return (
    <label className="an-field">
      <span>{label}</span>
      <input
        type="number"
        value={Number.isFinite(value) ? value : ''}
        min={min}
        step={step}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
      />
    </label>
  );
}
