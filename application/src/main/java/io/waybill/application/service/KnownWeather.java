package io.waybill.application.service;

import io.waybill.application.port.in.FindWeatherUseCase.Answer;
import java.time.Instant;

/** A place's answer, and until when it holds. */
record KnownWeather(Answer answer, Instant freshUntil) {

    boolean freshAt(Instant now) {
        return now.isBefore(freshUntil);
    }
}
