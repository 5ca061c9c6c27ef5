package dev.clientele.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links to the console's pages, with their keys URL-encoded (templates use these, never concatenation). */
public final class Links {
    private Links() {
    }

    /** @return the edit page of a customer */
    public static String customer(String login) {
        return "/admin/customer?login=" + encode(login);
    }

    /** @return the page of a group */
    public static String group(String name) {
        return "/admin/group?name=" + encode(name);
    }

    /** @return the page of a company */
    public static String company(String customerId) {
        return "/admin/company?id=" + encode(customerId);
    }

    /** @return a value URL-encoded for a query */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
