import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SEARCH_TEXT } from '../../../../shared/contract/customers';
import type { CustomerHit } from '../../../../shared/domain/customer';
import { useSyncStore } from '../sync/sync-store';
import { TagList } from './TagList';
import { useCustomersStore } from './customers-store';

const ROW_HEIGHT = 56;

/**
 * Search-as-you-type. Results sit in a virtualized listbox (only the visible rows are in the
 * page, so a hundred matches scroll as smoothly as five); the box keeps focus while the arrow
 * keys move through them and Enter opens one, so a search never needs the mouse.
 */
export function CustomerSearch() {
  const { t } = useTranslation();
  const query = useCustomersStore((s) => s.query);
  const results = useCustomersStore((s) => s.results);
  const resultsFor = useCustomersStore((s) => s.resultsFor);
  const status = useCustomersStore((s) => s.searchStatus);
  const activeIndex = useCustomersStore((s) => s.activeIndex);
  const open = useCustomersStore((s) => s.resultsOpen) && results.length > 0;
  const loading = useSyncStore((s) => s.status?.initialLoad.active ?? false);
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const listRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build; the virtualizer re-renders the list itself
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // Without layout (tests, a hidden pane) the first rows still render.
    initialRect: { width: 480, height: 6 * ROW_HEIGHT },
  });

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const optionId = (index: number) => `${listId}-option-${index}`;
  const store = useCustomersStore.getState;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 6, PageUp: -6 };
    const move = moves[event.key];
    if (move !== undefined && results.length > 0) {
      event.preventDefault();
      store().moveActive(move);
    } else if (event.key === 'Enter' && open && activeIndex >= 0) {
      event.preventDefault();
      void store().openActive();
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      void store().search('');
    }
  }

  return (
    <div className="customer-search">
      <label htmlFor={inputId} className="customer-search-label">
        {t('customers.search.label')}
      </label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-describedby={hintId}
        data-testid="customer-search"
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_SEARCH_TEXT}
        placeholder={t('customers.search.placeholder')}
        value={query}
        onChange={(event) => void store().search(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">
        {t('customers.search.hint')}
      </span>
      <div ref={listRef} className="customer-results" hidden={!open} data-testid="customer-results" data-results-for={resultsFor}>
        <div role="listbox" id={listId} aria-label={t('customers.search.results')} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const hit = results[row.index];
            if (!hit) return null;
            return (
              <ResultRow
                key={hit.id}
                hit={hit}
                id={optionId(row.index)}
                index={row.index}
                count={results.length}
                active={row.index === activeIndex}
                top={row.start}
                height={row.size}
              />
            );
          })}
        </div>
      </div>
      {status === 'done' && results.length === 0 && (
        <p className="muted customer-search-note" role="status">
          {loading ? t('customers.search.emptyLoading') : t('customers.search.empty', { text: query })}
        </p>
      )}
      {status === 'failed' && (
        <p className="field-note" role="alert">
          {t('customers.search.failed')}
        </p>
      )}
    </div>
  );
}

interface RowProps {
  hit: CustomerHit;
  id: string;
  index: number;
  count: number;
  active: boolean;
  top: number;
  height: number;
}

function ResultRow({ hit, id, index, count, active, top, height }: RowProps) {
  const { t } = useTranslation();
  const contact = [hit.primaryPhone, hit.email, hit.accountNumbers[0]].filter(Boolean).join(' · ');
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      aria-setsize={count}
      aria-posinset={index + 1}
      data-testid="customer-result"
      data-customer-id={hit.id}
      className={active ? 'customer-result customer-result-active' : 'customer-result'}
      style={{ transform: `translateY(${top}px)`, height }}
      // Keeps focus in the search box, so the keyboard keeps working after a click.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        useCustomersStore.getState().setActive(index);
        void useCustomersStore.getState().select(hit.id);
      }}
    >
      <span className="customer-result-name">
        {hit.name}
        <span className="customer-result-match">{t(`customers.matchedBy.${hit.matchedBy}`)}</span>
        <TagList tags={hit.tags} />
      </span>
      <span className="customer-result-contact muted" translate="no">
        {contact}
      </span>
    </div>
  );
}
