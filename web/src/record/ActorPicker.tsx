import { useEffect, useState } from 'react';
import { cachedRequest } from '../api/use-query';
import { SearchActorsDocument } from '../generated/graphql';

export interface PickedActor {
  readonly id: string;
  readonly name: string;
}

/**
 * Type-ahead over the API's actors (name search, 10 at a time): typing a name offers the
 * matches; the chosen one's id is what the form sends.
 */
export function useActorSearch(text: string): PickedActor[] {
  const [found, setFound] = useState<PickedActor[]>([]);
  useEffect(() => {
    const search = text.trim();
    if (search.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      cachedRequest(SearchActorsDocument, { search, first: 10 }).then(
        (data) => live && setFound(data.actors.edges.map((edge) => ({ id: edge.node.id, name: edge.node.name }))),
        () => live && setFound([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return found;
}

/** What the staffer typed → an actor: a listed name, a "name (id)" option, or a bare id. */
export function pickActor(text: string, found: readonly PickedActor[]): PickedActor | null {
  const typed = text.trim();
  if (typed === '') return null;
  const option = /\(([^()]+)\)$/.exec(typed)?.[1];
  return (
    found.find((a) => a.id === option || a.id === typed || a.name.toLowerCase() === typed.toLowerCase()) ?? {
      id: option ?? typed,
      name: typed,
    }
  );
}

export function ActorOptions({ id, found }: { id: string; found: readonly PickedActor[] }) {
  return (
    <datalist id={id}>
      {found.map((actor) => (
        <option key={actor.id} value={`${actor.name} (${actor.id})`} />
      ))}
    </datalist>
  );
}

/** A text box that offers the actors found for what is typed; Enter calls `onEnter` instead of submitting. */
export function ActorSearchInput({
  id,
  listId,
  text,
  onText,
  found,
  onEnter,
  ...aria
}: {
  id: string;
  listId: string;
  text: string;
  onText: (text: string) => void;
  found: readonly PickedActor[];
  onEnter?: () => void;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}) {
  return (
    <>
      <input
        id={id}
        list={listId}
        autoComplete="off"
        value={text}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={
          onEnter &&
          ((e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onEnter();
            }
          })
        }
        {...aria}
      />
      <ActorOptions id={listId} found={found} />
    </>
  );
}
