/**
 * A lightning bolt for "a fault is active here", as inline SVG beside KindIcon's icons: the "⚡"
 * emoji it replaces drew as an empty box on machines without an emoji font.
 */
export function FaultIcon({ size = 10 }: { size?: number }) {
  return (
    <svg
      className="fault-icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
    >
      <path d="M9.6 0.8 2.8 9.2h4.4l-1.2 6 6.8-8.4H8.4z" />
    </svg>
  );
}
