import { AREAS, type AreaId } from './areas';

interface Props {
  current: AreaId;
  onSelect: (area: AreaId) => void;
}

/** Areas are buttons, not links: there is no router, and the URL fragment carries the access token. */
export function Nav({ current, onSelect }: Props) {
  return (
    <nav className="nav" aria-label="Areas">
      <ul>
        {AREAS.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="nav__item"
              aria-current={a.id === current ? 'page' : undefined}
              data-testid={`nav-${a.id}`}
              onClick={() => onSelect(a.id)}
            >
              {a.name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
