package io.waybill.adapters.http.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTextAndAttributeValuesAndLeavesOutNullAttributes() {
        String html = new Html().open("a", "href", "/x?a=1&b=\"2\"", "title", null, "data-x", "it's")
                .text("<b>Tom & Jerry</b>").close("a").toString();

        assertThat(html).isEqualTo("<a href=\"/x?a=1&amp;b=&quot;2&quot;\" data-x=\"it&#39;s\">"
                + "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</a>");
        assertThat(Html.escape("台北 <>")).isEqualTo("台北 &lt;&gt;");
        assertThatThrownBy(() -> new Html().open("a", "href")).isInstanceOf(IllegalArgumentException.class);
    }
}
