package io.waybill.adapters.http.page;

import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.domain.weather.Weather;

/**
 * The weather at the destination now, as the shipment's API answers carry it: the condition in the page's language,
 * the temperature and the wind, and a warning when it commonly delays deliveries. Without weather, a sentence saying
 * so (the reason, a few English words meant for operators, is not shown). Immutable, thread-safe.
 */
final class WeatherSection {

    private final Messages messages;

    WeatherSection(Messages messages) {
        this.messages = messages;
    }

    void write(Html html, Language language, FindWeatherUseCase.Answer answer) {
        html.open("section", "class", "card weather", "aria-labelledby", "weather-heading");
        html.element("h2", messages.get(language, "weather.heading"), "id", "weather-heading");
        if (answer.weather().isPresent()) {
            Weather weather = answer.weather().get();
            Formats formats = new Formats(language);
            weather.city().ifPresent(city -> html.element("p", city, "class", "place"));
            html.element("p", messages.get(language, "weather.now",
                    messages.get(language, "weather.code." + weather.code().value()),
                    formats.number(weather.temperatureC()), formats.number(weather.windKmh())));
            if (weather.deliveryRisk()) {
                html.element("p", messages.get(language, "weather.risk"), "class", "warning");
            }
        } else {
            html.element("p", messages.get(language, "weather.unavailable"), "class", "muted");
        }
        html.close("section");
    }
}
