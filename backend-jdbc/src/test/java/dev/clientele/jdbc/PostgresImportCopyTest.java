package dev.clientele.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clientele.Customer;
import dev.clientele.CustomerDirectory;
import dev.clientele.DuplicateCustomerException;
import dev.clientele.ImportOptions;
import dev.clientele.ImportResult;
import dev.clientele.jdbc.internal.PgCopy;
import dev.clientele.spi.BackendSettings;
import dev.clientele.spi.CustomerBackend;
import dev.clientele.spi.CustomerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bulk import's COPY on PostgreSQL ({@link PgCopy}): every value arrives as a prepared insert stores it, values
 * COPY would store differently go by insert, and refused rows are the same as with a batch.
 */
class PostgresImportCopyTest {
    /** Strings COPY's text format must escape or pass through unchanged; {@code null} and "" stay apart. */
    private static final List<String> STRINGS = Arrays.asList(null, "", "plain", "tab\there", "new\nline",
            "carriage\rreturn", "crlf\r\n", "back\\slash", "\\N", "\\.", "\\", "ends with \\", "\\t not a tab",
            "'single' and \"double\" quotes", "é ß ø Ω 中文 😀 𝄞", "control \u0001 \u0008 \u000b \u000c \u001f \u007f",
            "c1 \u0085 \u009f nbsp\u00a0", "\t", "\n", "   ", "x".repeat(20_000));

    private static PostgresServer server;
    private String schema;
    private CustomerBackend backend;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
    }

    @BeforeEach
    void newBackend() {
        schema = PostgresServer.freshSchema();
        backend = new JdbcBackendProvider().create(BackendSettings.of("copy", "jdbc", server.settings(schema)));
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    private CustomerStore store() {
        return backend.customers().orElseThrow();
    }

    @Test
    @DisplayName("COPY stores each string as a prepared insert does: tab, newline, CR, backslash, quotes, \\N and \\."
            + " as text, unicode beyond the BMP, control characters, and the empty string apart from NULL")
    void copiesStringsAsAnInsertStoresThem() throws SQLException {
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + schema + ".copy_strings (id INT PRIMARY KEY, v TEXT)");
            c.setAutoCommit(false);
            assertThat(PgCopy.available(c)).isTrue();
            PgCopy.Encoder rows = new PgCopy.Encoder();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".copy_strings VALUES (?, ?)")) {
                for (int i = 0; i < STRINGS.size(); i++) {
                    assertThat(rows.row(new Object[] {2 * i, STRINGS.get(i)})).as("row %d", i).isTrue();
                    ps.setInt(1, 2 * i + 1);
                    ps.setString(2, STRINGS.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long copied = new PgCopy(schema + ".copy_strings", List.of("id", "v")).copy(c, rows.encoded());
            c.commit();

            assertThat(copied).isEqualTo(STRINGS.size());
            try (ResultSet rs = s.executeQuery("SELECT id, v FROM " + schema + ".copy_strings ORDER BY id")) {
                for (int i = 0; i < STRINGS.size(); i++) {
                    assertThat(rs.next()).isTrue();
                    String copiedValue = rs.getString(2);
                    assertThat(rs.next()).isTrue();
                    String inserted = rs.getString(2);
                    assertThat(copiedValue).as("copied value %d", i).isEqualTo(STRINGS.get(i)).isEqualTo(inserted);
                }
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    @DisplayName("COPY stores instants as a prepared insert does: rounded to the microsecond half up, at both ends of"
            + " the years 1 to 9999")
    void copiesInstantsAsAnInsertStoresThem() throws SQLException {
        List<Instant> instants = List.of(Instant.parse("2026-12-03T14:41:00Z"),
                Instant.parse("2026-12-03T14:41:00.123456499Z"), Instant.parse("2026-12-03T14:41:00.123456500Z"),
                Instant.parse("2026-12-03T14:41:00.999999500Z"), Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("2000-02-29T12:00:00.000001Z"));
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + schema + ".copy_times (id INT PRIMARY KEY, t TIMESTAMP(6) WITH TIME ZONE)");
            c.setAutoCommit(false);
            PgCopy.Encoder rows = new PgCopy.Encoder();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".copy_times VALUES (?, ?)")) {
                for (int i = 0; i < instants.size(); i++) {
                    assertThat(rows.row(new Object[] {2 * i, instants.get(i)})).isTrue();
                    ps.setInt(1, 2 * i + 1);
                    ps.setObject(2, instants.get(i).atOffset(ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            new PgCopy(schema + ".copy_times", List.of("id", "t")).copy(c, rows.encoded());
            c.commit();

            try (ResultSet rs = s.executeQuery("SELECT id, t FROM " + schema + ".copy_times ORDER BY id")) {
                for (Instant t : instants) {
                    assertThat(rs.next()).isTrue();
                    OffsetDateTime copied = rs.getObject(2, OffsetDateTime.class);
                    assertThat(rs.next()).isTrue();
                    assertThat(copied).as("%s", t).isEqualTo(rs.getObject(2, OffsetDateTime.class));
                }
            }
        }
    }

    @Test
    @DisplayName("a value COPY would store differently (U+0000, an unpaired surrogate, a year outside 1 to 9999) is"
            + " not encoded, and its row adds nothing")
    void refusesValuesCopyWouldStoreDifferently() {
        PgCopy.Encoder rows = new PgCopy.Encoder();
        assertThat(rows.row(new Object[] {1, "ok"})).isTrue();
        int length = rows.encoded().length();
        for (Object bad : List.of("nul \u0000 inside", "lone \ud83d high", "lone \ude00 low", "ends high \ud83d",
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.9999996Z"), Instant.MAX, Instant.MIN)) {
            assertThat(rows.row(new Object[] {2, "before", bad})).as("%s", bad).isFalse();
            assertThat(rows.encoded().length()).isEqualTo(length);
        }
    }

    @Test
    @DisplayName("insertAll stores customers whose fields, additional IDs and attributes hold tabs, newlines,"
            + " backslashes, quotes and unicode exactly as insert stores them")
    void importedCustomersReadBackAsInserted() {
        Instant created = Instant.parse("2019-05-06T07:08:09.123456Z");
        List<Customer> imported = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String odd = STRINGS.get(2 + i % (STRINGS.size() - 3));   // no null, "" or the long one: fields strip
            imported.add(Customer.builder("odd" + i + " é\t\\")
                    .email("odd" + i + "@acme.example").customerId("c\\" + i + "\n'")
                    .firstName("F" + odd).lastName(odd + "L").title("\"t\"").city("Zürich\\" + odd)
                    .comment("line one\nline two\r\n\tindented \\ \"quoted\" 'single'")
                    .additionalCustomerIds("id\t1", "id\\2", "\"3\"", "ü" + i)
                    .attribute("key\"" + i, "value\n" + odd).attribute("back\\slash", "\\N")
                    .created(created).changed(created.plusSeconds(i)).version(1).build());
        }
        imported.add(Customer.builder("unicode 😀").email("u@acme.example").customerId("中文").firstName("Ω")
                .lastName("𝄞").version(1).build());

        Map<Integer, DuplicateCustomerException> refused = store().insertAll(imported, true);

        assertThat(refused).isEmpty();
        for (Customer c : imported) {
            Customer twin = c.toBuilder().login("twin " + c.login()).email("twin." + c.email()).build();
            store().insert(twin, true);
            Customer read = store().findByLogin(c.login()).orElseThrow();
            assertThat(read).isEqualTo(c);
            assertThat(read.toBuilder().login(twin.login()).email(twin.email()).build())
                    .isEqualTo(store().findByLogin(twin.login()).orElseThrow());
        }
    }

    @Test
    @DisplayName("an import through the directory keeps quotes, backslashes and unicode of every row")
    void directoryImportKeepsValues() {
        List<Customer> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(Customer.builder("o'brien\\" + i).email("o.brien" + i + "@acme.example")
                    .customerId("Ä\"" + (i % 7)).firstName("Seán 😀").lastName("O'Brien \\ \"Jr\"")
                    .street("Straße 1\\2").attribute("note", "say \"hi\" \\ 'there'").build());
        }
        try (CustomerDirectory d = CustomerDirectory.builder().backend(backend).cacheTtl(Duration.ZERO).build()) {
            ImportResult result = d.importCustomers(rows, ImportOptions.defaults());

            assertThat(result.refused()).isEmpty();
            assertThat(result.added()).isEqualTo(rows.size());
            for (int i = 0; i < rows.size(); i += 97) {
                Customer read = d.getCustomer(rows.get(i).login());
                assertThat(read.login()).isEqualTo(rows.get(i).login());
                assertThat(read.customerId()).isEqualTo(rows.get(i).customerId());
                assertThat(read.firstName()).isEqualTo("Seán 😀");
                assertThat(read.lastName()).isEqualTo("O'Brien \\ \"Jr\"");
                assertThat(read.street()).isEqualTo("Straße 1\\2");
                assertThat(read.attributes()).isEqualTo(Map.of("note", "say \"hi\" \\ 'there'"));
            }
            assertThat(d.findByEmail("O.BRIEN2499@acme.example")).singleElement()
                    .satisfies(c -> assertThat(c.login()).isEqualTo("o'brien\\2499"));
        }
    }

    @Test
    @DisplayName("insertAll refuses, row by row, a login the store has, a login or email an earlier row of the call"
            + " took, and an email the store has; it stores every other row of the chunk")
    void refusesDuplicatesAsTheBatchDid() {
        store().insert(customer("taken", "taken@acme.example"), true);
        List<Customer> rows = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            rows.add(customer("row" + i, "row" + i + "@acme.example"));
        }
        rows.set(3, customer("TAKEN", "fresh3@acme.example"));          // the store's login
        rows.set(10, customer("Row9", "fresh10@acme.example"));         // an earlier row's login
        rows.set(600, customer("row600", "TAKEN@acme.example"));        // the store's email
        rows.set(700, customer("row700", "ROW699@acme.example"));       // an earlier row's email
        rows.set(1_100, customer("row5", "fresh1100@acme.example"));    // a login of the first chunk

        Map<Integer, DuplicateCustomerException> refused = store().insertAll(rows, true);

        assertThat(refused.keySet()).containsExactlyInAnyOrder(3, 10, 600, 700, 1_100);
        assertThat(refused.get(3).field()).isEqualTo("login");
        assertThat(refused.get(10).field()).isEqualTo("login");
        assertThat(refused.get(600).field()).isEqualTo("email");
        assertThat(refused.get(700).field()).isEqualTo("email");
        assertThat(refused.get(1_100).field()).isEqualTo("login");
        assertThat(store().count()).isEqualTo(1 + rows.size() - 5);
        assertThat(store().findByLogin("row11")).isPresent();
        assertThat(store().findByLogin("taken").orElseThrow().email()).isEqualTo("taken@acme.example");
    }

    private static Customer customer(String login, String email) {
        return Customer.builder(login).email(email).customerId("c").firstName("F").lastName("L").version(1).build();
    }
}
