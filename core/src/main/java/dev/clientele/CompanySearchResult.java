package dev.clientele;

import java.util.List;
import java.util.Objects;

/**
 * The companies a search found, ordered by customer ID.
 *
 * @param companies   at most the limit of the search
 * @param moreResults true when more companies matched than the limit allowed
 */
public record CompanySearchResult(List<Company> companies, boolean moreResults) {

    public CompanySearchResult {
        companies = List.copyOf(Objects.requireNonNull(companies, "companies"));
    }
}
