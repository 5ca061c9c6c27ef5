package dev.clientele.memory;

/**
 * What loading a fixture created.
 *
 * @param groups    groups created
 * @param companies companies created
 * @param customers customers created
 * @param links     links of customers and companies to groups stored
 */
public record FixtureReport(int groups, int companies, int customers, int links) {

    /** Nothing loaded. */
    public static final FixtureReport EMPTY = new FixtureReport(0, 0, 0, 0);

    /** The sum of two reports (several fixtures loaded one after the other). */
    public FixtureReport plus(FixtureReport other) {
        return new FixtureReport(groups + other.groups, companies + other.companies, customers + other.customers,
                links + other.links);
    }

    @Override
    public String toString() {
        return groups + " groups, " + companies + " companies, " + customers + " customers, " + links + " links";
    }
}
