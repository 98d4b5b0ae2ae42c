/* Renders a plan (the API's JSON) as a day-by-day timeline. Used by the builder; all text
 * goes through textContent because names and titles are data. The server places and words
 * each warning (planner/trips/warnings_display.py): stops, days and the plan carry their own. */
(function () {
  "use strict";
  const HM = window.HuairouMap;

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

  /* "1 price unknown, not counted", worded by the server with its plural forms. */
  function unknownPrices(totals) {
    return totals.unknown_prices_text ? " · " + totals.unknown_prices_text : "";
  }

  function warningList(warnings) {
    const list = HM.element("ul", "warnings");
    warnings.forEach(function (warning) {
      const item = HM.element("li", "warning warning-" + warning.code, warning.message);
      item.dataset.code = warning.code;
      list.appendChild(item);
    });
    return list;
  }

  /* Kilometres as the server's pages print them (one decimal: "9.0"). */
  function km(value) {
    return Number(value).toFixed(1);
  }

  /* How a leg is travelled comes worded by the server (planner/exports/legs.py). */
  function legLine(leg, text, tag) {
    return HM.element(tag || "p", "leg", "↓ " + km(leg.km) + " " + text.km + " · " + leg.minutes + " " + text.min + (leg.how ? " · " + leg.how : ""));
  }

  function stopItem(stop, index, text, onShow) {
    const item = HM.element("li", "timeline-stop role-" + stop.role);
    item.dataset.slug = stop.slug;
    const time = HM.element("span", "time", stop.arrive + "–" + stop.depart);
    const name = HM.nameElement("button", "stop-name link-button", stop);
    name.type = "button";
    name.title = text.show_on_map;
    name.addEventListener("click", function () { onShow(stop.slug); });
    const heading = HM.element("div", "stop-heading");
    heading.append(HM.element("span", "stop-number", String(index)), time, name);
    if (stop.url) heading.append(HM.link(stop.url, text.details, "stop-details"));
    item.appendChild(heading);
    // Lunch, sunset, waiting, ticket: worded by the server (planner/trips/legs_display.py).
    const notes = stop.notes || [];
    if (notes.length) item.appendChild(HM.element("p", "stop-notes", notes.join(" · ")));
    if (stop.warnings.length) item.appendChild(warningList(stop.warnings));
    return item;
  }

  function overnightBlock(day, text, options) {
    const block = HM.element("div", "overnight");
    block.appendChild(HM.element("h4", null, text.overnight));
    if (!day.overnight) {
      block.appendChild(HM.element("p", "muted", text.no_overnight));
      return block;
    }
    const stays = [day.overnight].concat(day.overnight_alternatives);
    const label = HM.element("label", null, text.swap + " ");
    const select = HM.element("select", "overnight-select");
    select.setAttribute("aria-label", text.overnight + " " + day.number);
    const auto = HM.element("option", null, text.choose_for_me);
    auto.value = "";
    select.appendChild(auto);
    stays.forEach(function (stay) {
      const option = HM.element("option", null, HM.placeName(stay) + (stay.price_cny_min ? " · ¥" + stay.price_cny_min + (stay.price_cny_max && stay.price_cny_max !== stay.price_cny_min ? "–" + stay.price_cny_max : "") : ""));
      option.value = stay.slug;
      select.appendChild(option);
    });
    select.value = options.chosen ? day.overnight.slug : "";
    select.addEventListener("change", function () { options.onSwap(select.value); });
    label.appendChild(select);
    block.appendChild(label);
    return block;
  }

  function dayBlock(day, text, options) {
    const section = HM.element("section", "timeline-day");
    section.style.setProperty("--day-colour", HM.dayColour(day.number));
    const heading = HM.element("h3", null, fill(text.day, { n: day.number }) + " · " + day.date);
    section.appendChild(heading);
    const start = HM.element("p", "day-start", text.start + ": ");
    start.appendChild(HM.nameElement("span", null, day.start));
    section.appendChild(start);
    const list = HM.element("ol", "timeline-stops");
    day.stops.forEach(function (stop, index) {
      const leg = day.legs[index];
      if (leg) list.appendChild(legLine(leg, text, "li"));
      list.appendChild(stopItem(stop, index + 1, text, options.onShow));
    });
    section.appendChild(list);
    const lastLeg = day.legs[day.legs.length - 1];
    if (lastLeg) section.appendChild(legLine(lastLeg, text));
    // "Back at 18:40", or "At the stay by 16:13" on a day that ends at a stay (server's words).
    const back = day.return_words ? " · " + day.return_words : "";
    const end = HM.element("p", "day-end", (day.overnight ? text.overnight : text.back) + ": ");
    end.append(HM.nameElement("span", null, day.end), back);
    section.appendChild(end);
    if (day.warnings.length) section.appendChild(warningList(day.warnings));
    if (day.overnight !== null || day.overnight_alternatives.length) section.appendChild(overnightBlock(day, text, options));
    return section;
  }

  function unplacedBlock(container, plan, text) {
    container.textContent = "";
    if (!plan.unplaced || !plan.unplaced.length) return;
    container.appendChild(HM.element("h3", null, text.unplaced));
    const list = HM.element("ul", "unplaced");
    plan.unplaced.forEach(function (stop) {
      list.appendChild(HM.nameElement("li", null, stop.name_zh || stop.name_en ? stop : { name_en: stop.slug }));
    });
    container.appendChild(list);
  }

  function clear(containers) {
    Object.keys(containers).forEach(function (key) { containers[key].textContent = ""; });
  }

  function render(containers, plan, text, options) {
    const timeline = containers.timeline;
    timeline.textContent = "";
    plan.days.forEach(function (day) { timeline.appendChild(dayBlock(day, text, options)); });
    unplacedBlock(containers.unplaced, plan, text);
    containers.general.textContent = "";
    if (plan.general_warnings.length) containers.general.appendChild(warningList(plan.general_warnings));
    const totals = plan.totals;
    containers.totals.textContent = text.totals + ": " + km(totals.km) + " " + text.km + " · " + totals.travel_minutes + " " + text.min + " " + text.travel + " · ¥" + totals.tickets_cny + " " + text.tickets + " · ¥" + totals.lodging_cny + " " + text.lodging + unknownPrices(totals);
  }

  window.HuairouTimeline = { render: render, clear: clear, fill: fill };
})();
