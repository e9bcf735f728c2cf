import { useId } from 'react';

/** A pane whose feature has not landed yet: a titled card that says what will be here. */
export function PlaceholderPane({ title, text, testId }: { title: string; text: string; testId?: string }) {
  const id = useId();
  return (
    <section className="pane" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{text}</p>
    </section>
  );
}
