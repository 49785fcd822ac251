'use client';
/** Oldest or newest threads first: the reader's choice, remembered in this browser. The HTML is oldest first. */
import { Children, useEffect, useState, type ReactNode } from 'react';

type Order = 'oldest' | 'newest';
const STORAGE_KEY = 'hearth:comment-order';

export function ThreadOrder({ children }: { children: ReactNode }) {
  const [order, setOrder] = useState<Order>('oldest');
  useEffect(() => {
    try {
      if (window.localStorage.getItem(STORAGE_KEY) === 'newest') setOrder('newest');
    } catch {
      // No storage: keep the default order.
    }
  }, []);
  const choose = (next: Order) => {
    setOrder(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // The choice still applies to this page.
    }
  };
  const items = Children.toArray(children);
  return (
    <>
      <div className="thread-order" role="group" aria-label="Order of conversations">
        {(['oldest', 'newest'] as const).map((value) => (
          <button key={value} type="button" className="button--quiet" aria-pressed={order === value} onClick={() => choose(value)}>
            {value === 'oldest' ? 'Oldest first' : 'Newest first'}
          </button>
        ))}
      </div>
      <ol className="comment-thread">{order === 'newest' ? items.reverse() : items}</ol>
    </>
  );
}
