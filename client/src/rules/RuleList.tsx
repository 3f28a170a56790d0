import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useState } from 'react';
import type { LintWarning, PointedError } from '../api/rules.js';
import { RuleCard } from './RuleCard.js';
import type { Edit, WorkingCopy } from './workingCopy.js';

interface RuleListProps {
  copy: WorkingCopy;
  warnings: LintWarning[];
  errors: PointedError[];
  readOnly: boolean;
  onEdit(edit: Edit): void;
}

/** The ordered rules: drag a handle with the mouse, or focus it and use Space, the arrow keys and Space again, to reorder. */
export function RuleList({ copy, warnings, errors, readOnly, onEdit }: RuleListProps) {
  const [open, setOpen] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const { rules } = copy.ruleSet;

  const dragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onEdit({ type: 'move', from: copy.keys.indexOf(String(active.id)), to: copy.keys.indexOf(String(over.id)) });
  };
  const name = (key: string | number) => rules[copy.keys.indexOf(String(key))]?.id ?? 'rule';

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={dragEnd}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up rule ${name(active.id)}.`,
          onDragOver: ({ active, over }) => (over ? `Rule ${name(active.id)} is over position ${copy.keys.indexOf(String(over.id)) + 1}.` : `Rule ${name(active.id)} is no longer over a position.`),
          onDragEnd: ({ active, over }) => (over ? `Rule ${name(active.id)} dropped at position ${copy.keys.indexOf(String(over.id)) + 1}.` : `Rule ${name(active.id)} dropped.`),
          onDragCancel: ({ active }) => `Moving rule ${name(active.id)} was cancelled.`,
        },
        screenReaderInstructions: { draggable: 'To move a rule, press Space, then the up and down arrow keys, then Space again to drop it, or Escape to cancel.' },
      }}
    >
      <SortableContext items={copy.keys} strategy={verticalListSortingStrategy}>
        <ol className="rule-list" aria-label="Rules, first match wins">
          {rules.map((rule, index) => {
            const key = copy.keys[index]!;
            return (
              <RuleCard
                key={key}
                sortId={key}
                rule={rule}
                index={index}
                warnings={warnings.filter((warning) => warning.ruleId === rule.id)}
                errors={errors}
                editing={open === key}
                readOnly={readOnly}
                onChange={(next) => onEdit({ type: 'replace', index, rule: next })}
                onEdit={(show) => setOpen(show ? key : null)}
                onRemove={() => {
                  if (window.confirm(`Delete rule ${rule.id}?`)) onEdit({ type: 'remove', index });
                }}
              />
            );
          })}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
