"""What is wrong with the shared segment: the invariants a dead process must not break."""

from __future__ import annotations

from apartment.kernel import _session
from apartment.kernel._records import set_bits as _set_bits
from apartment.kernel._segment import (
    BUCKET_BASE,
    BUCKETS,
    FLAG_NAMED,
    FREE,
    H_LOGLEN,
    H_NWAITING,
    KIND_MUTEX,
    KIND_SEMAPHORE,
    NAME_BITS_BASE,
    O_AUX,
    O_KIND,
    O_NAMES,
    O_NEXT,
    O_NWAITERS,
    O_REFS,
    O_STATE,
    OBJECTS,
    P_STATE,
    PROCS,
    REF_BASE,
    T_COUNT,
    T_MODE,
    T_OBJECTS,
    T_POS,
    T_STATE,
    THREADS,
    WAITING_BASE,
    obj_word,
    owner_slot,
    proc_word,
    ts_word,
)

__all__ = ["problems"]


def problems() -> list[str]:
    """Bury the dead, then list every broken invariant of this process's session."""
    s = _session.session()
    found: list[str] = []
    s.lock()
    try:
        s.sweep(force=True)
        w = s.w
        if w[H_LOGLEN]:
            found.append(f"the undo log holds {w[H_LOGLEN]} entries outside a change")
        slots = [slot for slot in range(PROCS) if w[proc_word(slot) + P_STATE] != FREE]
        refs: dict[int, int] = {}
        names: dict[int, int] = {}
        for slot in range(PROCS):
            ref_bits = _set_bits(w, REF_BASE, slot)
            name_bits = _set_bits(w, NAME_BITS_BASE, slot)
            if slot not in slots and (ref_bits or name_bits):
                found.append(f"free slot {slot} still references {ref_bits} {name_bits}")
            for index in ref_bits:
                refs[index] = refs.get(index, 0) + 1
            for index in name_bits:
                names[index] = names.get(index, 0) + 1
                if index not in ref_bits:
                    found.append(f"slot {slot} holds the name of {index} without referencing it")
        waiting = w[WAITING_BASE : WAITING_BASE + w[H_NWAITING]].tolist()
        registered: dict[int, int] = {}
        for position, ts in enumerate(waiting):
            t = ts_word(ts)
            if not w[t + T_STATE] or not w[t + T_MODE]:
                found.append(f"thread record {ts} is in the waiting list but not waiting")
            if w[t + T_POS] != position:
                found.append(f"thread record {ts} is at {position}, not at {w[t + T_POS]}")
            for index in w[t + T_OBJECTS : t + T_OBJECTS + w[t + T_COUNT]].tolist():
                registered[index] = registered.get(index, 0) + 1
        for ts in range(THREADS):
            t = ts_word(ts)
            if w[t + T_MODE] and ts not in waiting:
                found.append(f"thread record {ts} waits but is not in the waiting list")
        chained: set[int] = set()
        for bucket in range(BUCKETS):
            index = w[BUCKET_BASE + bucket]
            steps = 0
            while index:
                steps += 1
                if steps > OBJECTS:
                    found.append(f"bucket {bucket} loops")
                    break
                chained.add(index - 1)
                index = w[obj_word(index - 1) + O_NEXT]
        for index in range(OBJECTS):
            o = obj_word(index)
            kind = w[o + O_KIND]
            if not kind:
                if refs.get(index) or index in chained:
                    found.append(f"free object {index} is referenced or named")
                continue
            if w[o + O_REFS] != refs.get(index, 0):
                found.append(
                    f"object {index} counts {w[o + O_REFS]} references, not {refs.get(index, 0)}"
                )
            if w[o + O_NAMES] != names.get(index, 0):
                found.append(
                    f"object {index} counts {w[o + O_NAMES]} names, not {names.get(index, 0)}"
                )
            if not w[o + O_REFS]:
                found.append(f"object {index} lives with no reference")
            if bool(kind & FLAG_NAMED) != (index in chained):
                found.append(
                    f"object {index} is named {bool(kind & FLAG_NAMED)}, chained {index in chained}"
                )
            if w[o + O_NWAITERS] != registered.get(index, 0):
                found.append(
                    f"object {index} counts {w[o + O_NWAITERS]} waiters, "
                    f"not {registered.get(index, 0)}"
                )
            if (
                kind & 0xFF == KIND_MUTEX
                and w[o + O_STATE]
                and owner_slot(w[o + O_STATE]) not in slots
            ):
                found.append(
                    f"mutex {index} is owned by a thread of free slot {owner_slot(w[o + O_STATE])}"
                )
            if kind & 0xFF == KIND_SEMAPHORE and not 0 <= w[o + O_STATE] <= w[o + O_AUX]:
                found.append(f"semaphore {index} counts {w[o + O_STATE]} of {w[o + O_AUX]}")
        s.commit()
    finally:
        s.unlock()
    return found
