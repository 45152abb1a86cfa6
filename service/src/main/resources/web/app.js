// Sightline map page: Leaflet vector layers on a plain background (no tiles).
// Dispatchers click a point and get ranked cameras with their viewsheds; planners and analysts
// toggle coverage, hotspots, gaps and k-anonymous camera cells.
(function () {
  'use strict';
  const map = L.map('map', { preferCanvas: true, zoomSnap: 0.25, attributionControl: false });
  map.setView([35.227, -80.843], 13);
  window.sightlineMap = map;
  const state = { token: null, role: null, layers: {} };
  const $ = (id) => document.getElementById(id);
  const RANK_COLOURS = ['#d7191c', '#fd8d3c', '#fecc5c', '#41ab5d', '#2c7fb8', '#7b3294', '#878787'];

  function status(text) { $('status').textContent = text || ''; }

  async function api(path) {
    const r = await fetch(path, { headers: { Authorization: 'Bearer ' + state.token } });
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
    return body;
  }

  function fragmentToken() {
    const m = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
    if (!m) return null;
    history.replaceState(null, '', window.location.pathname);
    return decodeURIComponent(m[1]);
  }

  async function signIn(token) {
    state.token = token;
    try {
      const me = await api('/api/me');
      const city = await api('/api/city');
      state.role = me.role;
      sessionStorage.setItem('sightline.token', token);
      $('role').textContent = me.role + ' (' + me.token_id + ')';
      $('signed-out').hidden = true;
      const b = city.bbox;
      map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
      await base();
      if (me.role === 'dispatcher') dispatcher(city);
      else planner(city);
      $('map').dataset.ready = 'true';
      status('');
    } catch (e) {
      state.token = null;
      sessionStorage.removeItem('sightline.token');
      status('sign-in failed: ' + e.message);
    }
  }

  async function base() {
    const areas = await api('/api/coverage');
    state.layers.outline = L.geoJSON(areas, {
      style: { color: '#8a94a6', weight: 1, fill: false }, interactive: false
    }).addTo(map);
  }

  // --- dispatcher -----------------------------------------------------------------------------
  let incidentLayer = null;

  async function dispatcher(city) {
    $('dispatcher-panel').hidden = false;
    const b = city.bbox;
    const cams = await api('/api/cameras?bbox=' + [b[0] - 0.01, b[1] - 0.01, b[2] + 0.01, b[3] + 0.01].join(','));
    state.layers.cameras = L.geoJSON(cams, {
      pointToLayer: (f, ll) => L.circleMarker(ll, {
        radius: 2.5, weight: 0, fillOpacity: 0.8,
        fillColor: f.properties.kind === 'business' ? '#2c7fb8' : '#555'
      }),
      interactive: false
    }).addTo(map);
    map.on('click', (e) => suggest(e.latlng));
  }

  async function suggest(ll) {
    const u = Number($('uncertainty').value) || 15;
    status('ranking cameras ...');
    let res;
    try {
      res = await api('/api/suggest?lat=' + ll.lat.toFixed(7) + '&lon=' + ll.lng.toFixed(7)
        + '&uncertainty=' + u + '&viewsheds=true');
    } catch (e) { status(e.message); return; }
    status('');
    if (incidentLayer) map.removeLayer(incidentLayer);
    incidentLayer = L.layerGroup().addTo(map);
    const colour = (rank) => RANK_COLOURS[Math.min(rank - 1, RANK_COLOURS.length - 1)];
    const byId = {};
    L.geoJSON(res.viewsheds, {
      style: (f) => ({ color: colour(f.properties.rank), weight: 1, fillOpacity: 0.25 }),
      interactive: false
    }).addTo(incidentLayer);
    L.circle(ll, { radius: u, color: '#000', weight: 2, fill: false, dashArray: '4 3' }).addTo(incidentLayer);
    L.circleMarker(ll, { radius: 4, color: '#000', fillColor: '#000', fillOpacity: 1 }).addTo(incidentLayer);
    const shown = L.geoJSON(res.viewsheds).getBounds();
    if (shown.isValid()) map.fitBounds(shown.extend(ll), { maxZoom: 18, padding: [40, 40] });
    const list = $('suggestions');
    list.innerHTML = '';
    $('incident').textContent = res.suggestions.length
      ? res.suggestions.length + ' cameras for the incident at ' + ll.lat.toFixed(5) + ', ' + ll.lng.toFixed(5)
      : (res.note || 'No camera sees or covers an approach to this point.');
    for (const s of res.suggestions) {
      const m = L.circleMarker([s.lat, s.lon], {
        radius: 6, color: '#fff', weight: 1.5, fillColor: colour(s.rank), fillOpacity: 1
      }).bindTooltip('#' + s.rank + ' ' + s.camera_id).addTo(incidentLayer);
      byId[s.camera_id] = m;
      const li = document.createElement('li');
      li.className = 'suggestion';
      li.dataset.camera = s.camera_id;
      const head = document.createElement('div');
      const cam = document.createElement('span');
      cam.className = 'cam';
      cam.textContent = s.camera_id;
      head.appendChild(cam);
      for (const t of [s.kind, s.access, s.role]) {
        const tag = document.createElement('span');
        tag.className = 'tag ' + t;
        tag.textContent = t;
        head.appendChild(tag);
      }
      const reason = document.createElement('div');
      reason.className = 'reason';
      reason.textContent = s.reason;
      li.appendChild(head);
      li.appendChild(reason);
      li.addEventListener('click', () => { m.openTooltip(); map.panTo([s.lat, s.lon]); });
      list.appendChild(li);
    }
  }

  // --- planner / analyst / admin ----------------------------------------------------------------
  function shade(share) {
    const s = Math.max(0, Math.min(1, share / 0.3));
    return 'rgb(' + Math.round(247 - 200 * s) + ',' + Math.round(251 - 120 * s) + ',' + Math.round(255 - 60 * s) + ')';
  }

  const LAYERS = {
    coverage: async () => L.geoJSON(await api('/api/coverage'), {
      style: (f) => ({ color: '#6b7a90', weight: 1, fillColor: shade(f.properties.covered_share), fillOpacity: 0.8 }),
      onEachFeature: (f, l) => l.bindTooltip(f.properties.name + ': '
        + (100 * f.properties.covered_share).toFixed(1) + '% of outdoor area covered')
    }),
    hotspots: async () => L.geoJSON(await api('/api/hotspots'), {
      style: (f) => ({ weight: 0, fillColor: ['#fee5d9', '#fcae91', '#fb6a4a', '#cb181d'][f.properties.gi_bin] || '#cb181d', fillOpacity: 0.7 })
    }),
    gaps: async () => L.geoJSON(await api('/api/gaps'), {
      style: { color: '#5e3c99', weight: 2, fillColor: '#5e3c99', fillOpacity: 0.35 },
      onEachFeature: (f, l) => l.bindTooltip('gap #' + f.properties.rank + ' in ' + (f.properties.area_name || '?')
        + ': ' + f.properties.uncovered_weight + ' uncovered incidents')
    }),
    cells: async () => {
      const b = map.getBounds();
      return L.geoJSON(await api('/api/cameras?bbox=' + [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].join(',')), {
        style: { color: '#2c7fb8', weight: 1, fillOpacity: 0.15 },
        onEachFeature: (f, l) => l.bindTooltip(f.properties.resident + ' resident, ' + f.properties.business + ' business')
      });
    }
  };

  function planner() {
    $('planner-panel').hidden = false;
    $('legend').innerHTML = '<span class="swatch" style="background:' + shade(0) + '"></span>0% '
      + '<span class="swatch" style="background:' + shade(0.3) + '"></span>≥30% covered &nbsp; '
      + '<span class="swatch" style="background:#cb181d"></span>hotspot &nbsp; '
      + '<span class="swatch" style="background:#5e3c99"></span>gap';
    for (const name of Object.keys(LAYERS)) {
      const box = $('layer-' + name);
      box.addEventListener('change', async () => {
        if (state.layers[name]) { map.removeLayer(state.layers[name]); state.layers[name] = null; }
        if (!box.checked) return;
        status('loading ' + name + ' ...');
        try { state.layers[name] = (await LAYERS[name]()).addTo(map); status(''); } catch (e) { status(e.message); }
      });
    }
  }

  $('signin-form').addEventListener('submit', (e) => { e.preventDefault(); signIn($('token').value.trim()); });
  const t = fragmentToken() || sessionStorage.getItem('sightline.token');
  if (t) signIn(t);
})();
