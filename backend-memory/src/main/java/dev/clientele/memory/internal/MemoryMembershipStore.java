package dev.clientele.memory.internal;

import dev.clientele.Membership;
import dev.clientele.PermissionContext;
import dev.clientele.spi.Keys;
import dev.clientele.spi.MembershipStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Links of customers and companies to groups. A link's identity is (kind, subject key, group key, context); the
 * link is kept as last given. Indexed by subject (for {@link #linksOf}) and by group (for {@link #linksTo}); one
 * read-write lock keeps the indexes consistent. Results are ordered by identity (kind, subject key, group key,
 * context), so they are stable.
 *
 * <p>Kept compact (issue 14): a subject's links are one small array sorted by (group key, context), holding one
 * {@link Membership} per link that shares the subject's and the group's name strings; a group's index holds only
 * the keys of its subjects, the links are read from the subject's array.
 */
public final class MemoryMembershipStore implements MembershipStore {
    private static final Membership[] NONE = new Membership[0];

    /** The subjects of one group, by kind, and the group's name as last given (shared by its links). */
    private static final class GroupIndex {
        final TreeSet<String> customers = new TreeSet<>();
        final TreeSet<String> companies = new TreeSet<>();
        String name;

        TreeSet<String> of(Membership.Kind kind) {
            return kind == Membership.Kind.CUSTOMER ? customers : companies;
        }

        boolean isEmpty() {
            return customers.isEmpty() && companies.isEmpty();
        }
    }

    private final WriteGuard guard;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock read = lock.readLock();
    private final Lock write = lock.writeLock();
    /** Subject key to its links sorted by (group key, context), one map per kind. */
    private final Map<String, Membership[]> customerLinks = new HashMap<>();
    private final Map<String, Membership[]> companyLinks = new HashMap<>();
    private final Map<String, GroupIndex> byGroup = new HashMap<>();
    private int size;

    public MemoryMembershipStore(WriteGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public boolean readOnly() {
        return guard.readOnly();
    }

    private Map<String, Membership[]> bySubject(Membership.Kind kind) {
        return kind == Membership.Kind.CUSTOMER ? customerLinks : companyLinks;
    }

    @Override
    public List<Membership> linksOf(String login, Collection<String> customerIds) {
        String loginKey = Keys.of(login);
        Set<String> companies = new LinkedHashSet<>();
        if (customerIds != null) {
            for (String id : customerIds) {
                if (id != null) {
                    companies.add(Keys.of(id));
                }
            }
        }
        read.lock();
        try {
            List<Membership> out = new ArrayList<>();
            if (loginKey != null) {
                addAll(out, customerLinks.get(loginKey));
            }
            for (String company : companies) {
                addAll(out, companyLinks.get(company));
            }
            return List.copyOf(out);
        } finally {
            read.unlock();
        }
    }

    private static void addAll(List<Membership> out, Membership[] links) {
        if (links != null) {
            out.addAll(Arrays.asList(links));
        }
    }

    @Override
    public List<Membership> linksTo(String group) {
        if (group == null) {
            return List.of();
        }
        String groupKey = Keys.of(group);
        read.lock();
        try {
            GroupIndex index = byGroup.get(groupKey);
            if (index == null) {
                return List.of();
            }
            List<Membership> out = new ArrayList<>();
            for (Membership.Kind kind : Membership.Kind.values()) {
                Map<String, Membership[]> links = bySubject(kind);
                for (String subject : index.of(kind)) {
                    for (Membership m : links.get(subject)) {
                        if (Keys.of(m.group()).equals(groupKey)) {
                            out.add(m);
                        }
                    }
                }
            }
            return List.copyOf(out);
        } finally {
            read.unlock();
        }
    }

    @Override
    public void put(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        guard.checkWritable("link " + describe(membership));
        String subjectKey = Keys.of(membership.subject());
        String groupKey = Keys.of(membership.group());
        write.lock();
        try {
            Map<String, Membership[]> links = bySubject(membership.kind());
            Membership[] old = links.getOrDefault(subjectKey, NONE);
            GroupIndex index = byGroup.computeIfAbsent(groupKey, k -> new GroupIndex());
            Membership link = canonical(membership, old, index);
            int at = find(old, groupKey, membership.context());
            Membership[] updated;
            if (at >= 0) {
                if (old[at].equals(link)) {
                    return;
                }
                updated = old.clone();
                updated[at] = link;
            } else {
                int insert = -at - 1;
                updated = new Membership[old.length + 1];
                System.arraycopy(old, 0, updated, 0, insert);
                updated[insert] = link;
                System.arraycopy(old, insert, updated, insert + 1, old.length - insert);
                // the key of the shared subject string: the same instance when the subject is given in lower case
                index.of(membership.kind()).add(Keys.of(link.subject()));
                size++;
            }
            links.put(subjectKey, updated);
        } finally {
            write.unlock();
        }
    }

    /** The link with the subject's and the group's name strings shared with the links already held. */
    private static Membership canonical(Membership m, Membership[] ofSubject, GroupIndex index) {
        String group = m.group();
        if (group.equals(index.name)) {
            group = index.name;
        } else {
            index.name = group;
        }
        String subject = m.subject();
        for (Membership held : ofSubject) {
            if (held.subject().equals(subject)) {
                subject = held.subject();
                break;
            }
        }
        if (subject == m.subject() && group == m.group()) {
            return m;
        }
        return new Membership(m.kind(), subject, group, m.permission(), m.context());
    }

    /** The position of the link to the group in the context, or (-(insertion point) - 1). */
    private static int find(Membership[] links, String groupKey, PermissionContext context) {
        int low = 0;
        int high = links.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Membership m = links[mid];
            int c = Keys.of(m.group()).compareTo(groupKey);
            if (c == 0) {
                c = m.context().compareTo(context);
            }
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    @Override
    public boolean remove(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        guard.checkWritable("unlink " + describe(membership));
        String subjectKey = Keys.of(membership.subject());
        String groupKey = Keys.of(membership.group());
        write.lock();
        try {
            Map<String, Membership[]> links = bySubject(membership.kind());
            Membership[] old = links.get(subjectKey);
            if (old == null) {
                return false;
            }
            int at = find(old, groupKey, membership.context());
            if (at < 0) {
                return false;
            }
            if (old.length == 1) {
                links.remove(subjectKey);
            } else {
                Membership[] updated = new Membership[old.length - 1];
                System.arraycopy(old, 0, updated, 0, at);
                System.arraycopy(old, at + 1, updated, at, old.length - at - 1);
                links.put(subjectKey, updated);
            }
            if (find(links.getOrDefault(subjectKey, NONE), groupKey, PermissionContext.OWN) < 0
                    && find(links.getOrDefault(subjectKey, NONE), groupKey,
                            PermissionContext.OTHER_CUSTOMER_IDS) < 0) {
                unindex(membership.kind(), subjectKey, groupKey);
            }
            size--;
            return true;
        } finally {
            write.unlock();
        }
    }

    private void unindex(Membership.Kind kind, String subjectKey, String groupKey) {
        GroupIndex index = byGroup.get(groupKey);
        if (index != null) {
            index.of(kind).remove(subjectKey);
            if (index.isEmpty()) {
                byGroup.remove(groupKey);
            }
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
        String subjectKey = Keys.of(subject);
        write.lock();
        try {
            Membership[] old = bySubject(kind).remove(subjectKey);
            if (old == null) {
                return 0;
            }
            for (Membership m : old) {
                unindex(kind, subjectKey, Keys.of(m.group()));
            }
            size -= old.length;
            return old.length;
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

    private static String describe(Membership m) {
        return m.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + m.subject() + "' to group '" + m.group()
                + "'";
    }
}
