import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";

/**
 * A modal dialog on the browser's own `<dialog>`: it takes the focus when it opens, keeps it
 * inside while open (the page behind is inert), and gives it back when it closes. Escape calls
 * `onCancel`; a dialog without one (the end of a room) cannot be dismissed.
 */
export function Dialog(props: {
  id?: string;
  class?: string;
  /** The dialog's heading's id, which names it. */
  labelledBy: string;
  describedBy?: string;
  alert?: boolean;
  onCancel?: () => void;
  children: ComponentChildren;
  [data: `data-${string}`]: string | undefined;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect, so the dialog is modal in the same task that puts it on the page: with a
  // later effect, a key or a click could reach the page behind (or a button of the dialog not yet
  // modal) in between, and the opener recorded would be whatever that moved the focus to.
  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal?.();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  const { id, labelledBy, describedBy, alert, onCancel, children, class: className, ...data } = props;
  return (
    <dialog
      ref={ref}
      id={id}
      class={`dialog ${className ?? ""}`}
      role={alert ? "alertdialog" : "dialog"}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      // Chromium lets a third Escape in a row close a dialog whatever its cancel handler does;
      // closedby="none" stops that, and a dialog that closes anyway opens again.
      closedby={onCancel ? "closerequest" : "none"}
      onCancel={(event) => {
        event.preventDefault();
        onCancel?.();
      }}
      onClose={(event) => {
        // Not when it closed because it left the page (its step is over, as a notice agreed to).
        if (!onCancel && event.currentTarget.isConnected) event.currentTarget.showModal?.();
      }}
      {...data}
    >
      {children}
    </dialog>
  );
}

/** A yes-or-no question in a dialog, in place of the browser's confirm(). */
export function ConfirmDialog(props: {
  id: string;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Dialog id={props.id} labelledBy={`${props.id}-title`} describedBy={`${props.id}-message`} alert onCancel={props.onCancel}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p id={`${props.id}-message`}>{props.message}</p>
      <div class="dialog-actions">
        <button type="button" autofocus onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" id={`${props.id}-confirm`} class={props.danger ? "danger-solid" : "primary"} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
