import type { NavPage } from './pages';

interface Props {
  pages: readonly NavPage[];
  current: string;
  onSelect: (page: string) => void;
  /** A number shown beside a page's name (the month's check findings), once known. */
  counts?: Readonly<Record<string, number>>;
}

/** Pages are buttons, not links: the shell keeps the address itself (with history.replaceState) as the officer moves. */
export function Nav({ pages, current, onSelect, counts = {} }: Props) {
  return (
    <nav className="nav" aria-label="Pages">
      <ul>
        {pages.map((p) => {
          const count = counts[p.id];
          return (
            <li key={p.id}>
              <button
                type="button"
                className="nav__item"
                aria-current={p.id === current ? 'page' : undefined}
                data-testid={`nav-${p.id}`}
                data-kind={p.kind}
                onClick={() => onSelect(p.id)}
              >
                {p.name}
                {count === undefined ? null : (
                  // Reads as "Checks (36 findings)"; shows as a badge.
                  <span className="nav__count" data-testid={`nav-${p.id}-count`}>
                    <span className="visually-hidden"> (</span>
                    {count}
                    <span className="visually-hidden"> {count === 1 ? 'finding' : 'findings'})</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
