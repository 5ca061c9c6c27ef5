package dev.clientele.memory.internal;

import dev.clientele.Membership;
import dev.clientele.PermissionContext;
import dev.clientele.spi.Keys;
import dev.clientele.spi.MembershipStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Links of customers and companies to groups. A link's identity is (kind, subject key, group key, context); the
 * link is kept as last given. Indexed by subject (for {@link #linksOf}) and by group (for {@link #linksTo}); one
 * read-write lock keeps the indexes consistent. Results are ordered by identity (kind, subject key, group key,
 * context), so they are stable.
 */
public final class MemoryMembershipStore implements MembershipStore {

    /** The identity of a link. */
    private record Id(Membership.Kind kind, String subject, String group, PermissionContext context) {
        static final Comparator<Id> ORDER = Comparator.comparing(Id::kind).thenComparing(Id::subject)
                .thenComparing(Id::group).thenComparing(Id::context);

        static Id of(Membership m) {
            return new Id(m.kind(), Keys.of(m.subject()), Keys.of(m.group()), m.context());
        }

        Subject subjectId() {
            return new Subject(kind, subject);
        }
    }

    /** A subject: a customer's login key or a company's customer-ID key. */
    private record Subject(Membership.Kind kind, String key) {
    }

    private final WriteGuard guard;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock read = lock.readLock();
    private final Lock write = lock.writeLock();
    private final Map<Subject, NavigableMap<Id, Membership>> bySubject = new HashMap<>();
    private final Map<String, NavigableMap<Id, Membership>> byGroup = new HashMap<>();
    private int size;

    public MemoryMembershipStore(WriteGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public boolean readOnly() {
        return guard.readOnly();
    }

    @Override
    public List<Membership> linksOf(String login, Collection<String> customerIds) {
        Set<Subject> subjects = new LinkedHashSet<>();
        if (login != null) {
            subjects.add(new Subject(Membership.Kind.CUSTOMER, Keys.of(login)));
        }
        if (customerIds != null) {
            for (String id : customerIds) {
                if (id != null) {
                    subjects.add(new Subject(Membership.Kind.COMPANY, Keys.of(id)));
                }
            }
        }
        read.lock();
        try {
            List<Membership> out = new ArrayList<>();
            for (Subject s : subjects) {
                NavigableMap<Id, Membership> links = bySubject.get(s);
                if (links != null) {
                    out.addAll(links.values());
                }
            }
            return List.copyOf(out);
        } finally {
            read.unlock();
        }
    }

    @Override
    public List<Membership> linksTo(String group) {
        if (group == null) {
            return List.of();
        }
        read.lock();
        try {
            NavigableMap<Id, Membership> links = byGroup.get(Keys.of(group));
            return links == null ? List.of() : List.copyOf(links.values());
        } finally {
            read.unlock();
        }
    }

    @Override
    public void put(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        guard.checkWritable("link " + describe(membership));
        Id id = Id.of(membership);
        write.lock();
        try {
            Membership previous = bySubject.computeIfAbsent(id.subjectId(), k -> new TreeMap<>(Id.ORDER))
                    .put(id, membership);
            byGroup.computeIfAbsent(id.group(), k -> new TreeMap<>(Id.ORDER)).put(id, membership);
            if (previous == null) {
                size++;
            }
        } finally {
            write.unlock();
        }
    }

    @Override
    public boolean remove(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        guard.checkWritable("unlink " + describe(membership));
        Id id = Id.of(membership);
        write.lock();
        try {
            return removeId(id);
        } finally {
            write.unlock();
        }
    }

    @Override
    public int removeAll(Membership.Kind kind, String subject) {
        Objects.requireNonNull(kind, "kind");
        guard.checkWritable("remove every link of " + kind.name().toLowerCase(java.util.Locale.ROOT) + " '"
                + subject + "'");
        if (subject == null) {
            return 0;
        }
        write.lock();
        try {
            NavigableMap<Id, Membership> links = bySubject.get(new Subject(kind, Keys.of(subject)));
            if (links == null) {
                return 0;
            }
            List<Id> ids = new ArrayList<>(links.keySet());
            for (Id id : ids) {
                removeId(id);
            }
            return ids.size();
        } finally {
            write.unlock();
        }
    }

    /** Number of links stored. */
    public int size() {
        read.lock();
        try {
            return size;
        } finally {
            read.unlock();
        }
    }

    private boolean removeId(Id id) {
        NavigableMap<Id, Membership> ofSubject = bySubject.get(id.subjectId());
        if (ofSubject == null || ofSubject.remove(id) == null) {
            return false;
        }
        if (ofSubject.isEmpty()) {
            bySubject.remove(id.subjectId());
        }
        NavigableMap<Id, Membership> ofGroup = byGroup.get(id.group());
        if (ofGroup != null) {
            ofGroup.remove(id);
            if (ofGroup.isEmpty()) {
                byGroup.remove(id.group());
            }
        }
        size--;
        return true;
    }

    private static String describe(Membership m) {
        return m.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + m.subject() + "' to group '" + m.group()
                + "'";
    }
}
