import { AREAS, type AreaId } from './areas';

interface Props {
  current: AreaId;
  onSelect: (area: AreaId) => void;
  /** A number shown beside an area's name (the month's check findings), once known. */
  counts?: Partial<Record<AreaId, number>>;
}

/** Areas are buttons, not links: there is no router, and the URL fragment carries the access token. */
export function Nav({ current, onSelect, counts = {} }: Props) {
  return (
    <nav className="nav" aria-label="Areas">
      <ul>
        {AREAS.map((a) => {
          const count = counts[a.id];
          return (
            <li key={a.id}>
              <button
                type="button"
                className="nav__item"
                aria-current={a.id === current ? 'page' : undefined}
                data-testid={`nav-${a.id}`}
                onClick={() => onSelect(a.id)}
              >
                {a.name}
                {count === undefined ? null : (
                  // Reads as "Checks (36 findings)"; shows as a badge.
                  <span className="nav__count" data-testid={`nav-${a.id}-count`}>
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
