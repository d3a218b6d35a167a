import type { ComponentChildren } from 'preact';

/**
 * A toolbar button: an icon (icons.css) and a label that gives way when the panel is narrow, the
 * name always in aria-label and the tooltip (title).
 */
export function ToolButton({
  icon,
  label,
  title,
  children,
  ...rest
}: {
  icon: string;
  label: string;
  title?: string;
  children?: ComponentChildren;
  disabled?: boolean;
  onClick?: () => void;
  'aria-describedby'?: string;
}) {
  return (
    <button
      type="button"
      class={`tool tool--${icon}`}
      aria-label={label}
      title={title ?? label}
      {...rest}
    >
      <span class="tool__label">{children ?? label}</span>
    </button>
  );
}
