"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { TBilingual } from "@/lib/content/schemas";
import type { Locale } from "@/lib/i18n/locales";
import { InlineMarkdown } from "./inline-markdown";
import type { Text } from "./text";

/** `order` lists positions of `items` (as shown when the attempt began) in the learner's current arrangement. */
function moved(order: number[], from: number, to: number): number[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * A sortable list that works with a pointer (drag an item, mouse or touch),
 * with the keyboard alone (Space picks the focused item up, the arrow keys
 * move it, Space drops it, Escape puts it back) and with plain buttons;
 * every move is announced in a live region.
 */
export function OrderingList(props: {
  items: TBilingual[];
  order: number[];
  onChange: (order: number[]) => void;
  disabled: boolean;
  locale: Locale;
  text: Text;
}) {
  const { items, order, onChange, disabled, locale, text } = props;
  const instructions = useId();
  const [lifted, setLifted] = useState<{ item: number; from: number; by: "keyboard" | "pointer" } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const handles = useRef(new Map<number, HTMLElement>());
  const rows = useRef(new Map<number, HTMLElement>());
  const label = (item: number) => items[item]?.[locale] ?? "";
  const say = (key: string, item: number, position: number) =>
    setAnnouncement(text(key, { item: label(item), position: position + 1, total: order.length }));

  // Moving an element in the DOM can drop its focus: keep it on the item being moved.
  useEffect(() => {
    if (lifted?.by === "keyboard") handles.current.get(lifted.item)?.focus();
  }, [lifted, order]);

  function moveTo(item: number, to: number) {
    const from = order.indexOf(item);
    if (from < 0 || to < 0 || to >= order.length || to === from) return;
    onChange(moved(order, from, to));
    say("quiz.ordering.moved", item, to);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, item: number) {
    if (disabled) return;
    const position = order.indexOf(item);
    if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      if (lifted?.item === item) {
        setLifted(null);
        say("quiz.ordering.dropped", item, position);
      } else {
        setLifted({ item, from: position, by: "keyboard" });
        say("quiz.ordering.pickedUp", item, position);
      }
    } else if ((event.key === "ArrowUp" || event.key === "ArrowDown") && lifted?.item === item) {
      event.preventDefault();
      moveTo(item, position + (event.key === "ArrowUp" ? -1 : 1));
    } else if (event.key === "Escape" && lifted?.item === item) {
      event.preventDefault();
      onChange(moved(order, position, lifted.from));
      setLifted(null);
      say("quiz.ordering.cancelled", item, lifted.from);
    }
  }

  function onPointerDown(event: PointerEvent<HTMLElement>, item: number) {
    if (disabled || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setLifted({ item, from: order.indexOf(item), by: "pointer" });
  }

  function onPointerMove(event: PointerEvent<HTMLElement>, item: number) {
    if (lifted?.item !== item || lifted.by !== "pointer") return;
    // The item goes below every other item whose middle is above the pointer.
    const target = order.filter((other) => {
      if (other === item) return false;
      const box = rows.current.get(other)?.getBoundingClientRect();
      return box !== undefined && box.top + box.height / 2 < event.clientY;
    }).length;
    if (target !== order.indexOf(item)) onChange(moved(order, order.indexOf(item), target));
  }

  function onPointerUp(item: number) {
    if (lifted?.item !== item || lifted.by !== "pointer") return;
    setLifted(null);
    if (order.indexOf(item) !== lifted.from) say("quiz.ordering.dropped", item, order.indexOf(item));
  }

  return (
    <div className="ordering">
      {!disabled && (
        <p id={instructions} className="hint">
          {text("quiz.ordering.instructions")}
        </p>
      )}
      <ol className="ordering-list">
        {order.map((item, position) => {
          const isLifted = lifted?.item === item;
          return (
            <li
              key={item}
              className={isLifted ? "ordering-item lifted" : "ordering-item"}
              ref={(element) => {
                if (element) rows.current.set(item, element);
                else rows.current.delete(item);
              }}
            >
              <span className="ordering-position" aria-hidden="true">
                {position + 1}
              </span>
              <div
                className="ordering-handle"
                role="button"
                tabIndex={disabled ? -1 : 0}
                aria-roledescription={text("quiz.ordering.roledescription")}
                aria-describedby={disabled ? undefined : instructions}
                aria-pressed={disabled ? undefined : isLifted}
                aria-disabled={disabled || undefined}
                ref={(element) => {
                  if (element) handles.current.set(item, element);
                  else handles.current.delete(item);
                }}
                onKeyDown={(event) => onKeyDown(event, item)}
                onPointerDown={(event) => onPointerDown(event, item)}
                onPointerMove={(event) => onPointerMove(event, item)}
                onPointerUp={() => onPointerUp(item)}
                onPointerCancel={() => onPointerUp(item)}
              >
                {!disabled && (
                  <span className="ordering-grip" aria-hidden="true">
                    ⠿
                  </span>
                )}
                <span className="ordering-text">
                  <InlineMarkdown>{label(item)}</InlineMarkdown>
                </span>
                {isLifted && <span className="ordering-lifted"> ({text("quiz.ordering.lifted")})</span>}
              </div>
              {!disabled && (
                <span className="ordering-buttons">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={text("quiz.ordering.moveUpItem", { item: label(item) })}
                    title={text("quiz.ordering.moveUp")}
                    disabled={position === 0}
                    onClick={() => moveTo(item, position - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={text("quiz.ordering.moveDownItem", { item: label(item) })}
                    title={text("quiz.ordering.moveDown")}
                    disabled={position === order.length - 1}
                    onClick={() => moveTo(item, position + 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="ordering-announcement">
        {announcement}
      </div>
    </div>
  );
}
