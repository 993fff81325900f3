package houston.app.daemon;

/**
 * The status page: the locations on a world map (equirectangular, from their coordinates) coloured
 * by state, a table with scores and home fractions, the plan's moved rows and the latest
 * decisions with their explanations. Plain HTML and a little JavaScript polling the API every
 * two seconds: nothing to build, nothing fetched from elsewhere.
 */
final class StatusPage {

    private StatusPage() {
    }

    static final String HTML = """
            <!doctype html><html><head><meta charset="utf-8"><title>Houston</title>
            <style>
            body{font:14px system-ui,sans-serif;margin:1.5em;background:#0e1116;color:#e6e6e6}
            h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}
            table{border-collapse:collapse}td,th{padding:.25em .8em;border-bottom:1px solid #333;text-align:left}
            .healthy{color:#3fb950}.suspect{color:#d29922}.evacuating,.evacuated{color:#f85149}.recovering{color:#58a6ff}
            svg{background:#161b22;border:1px solid #333}pre{white-space:pre-wrap;background:#161b22;padding:.5em}
            </style></head><body>
            <h1>Houston</h1><div id="summary"></div>
            <svg id="map" width="720" height="360" viewBox="0 0 720 360"></svg>
            <h2>Locations</h2><table id="locations"></table>
            <h2>Traffic plan (moved catchments)</h2><div id="plan"></div>
            <h2>Latest decisions</h2><div id="decisions"></div>
            <script>
            const colour={healthy:'#3fb950',suspect:'#d29922',evacuating:'#f85149',evacuated:'#f85149',recovering:'#58a6ff'};
            const esc=s=>String(s??'').replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
            async function refresh(){
              const [st,locs,plan,dec]=await Promise.all(['status','locations','plan','decisions'].map(p=>fetch('/v1/'+p).then(r=>r.json())));
              document.getElementById('summary').textContent=`tick ${st.tick} · plan generation ${st.planGeneration} (live ${st.liveGeneration})`+
                (st.failStatic?' · FAIL STATIC':'')+(st.frozenUntil?' · frozen until '+st.frozenUntil:'')+
                (st.ha?` · replica ${st.ha.replica}, ${st.ha.acting?'the leader':'follower of '+st.ha.leader}, epoch ${st.ha.epoch}`:'');
              document.getElementById('map').innerHTML=locs.map(l=>{const x=(l.longitude+180)*2,y=(90-l.latitude)*2;
                return `<circle cx="${x}" cy="${y}" r="7" fill="${colour[l.state]}"><title>${esc(l.id)} ${l.state}</title></circle>`+
                       `<text x="${x+9}" y="${y+4}" fill="#aaa" font-size="10">${esc(l.id)}</text>`}).join('');
              document.getElementById('locations').innerHTML='<tr><th>location</th><th>state</th><th>score</th><th>home</th><th>since</th></tr>'+
                locs.map(l=>`<tr><td>${esc(l.id)}</td><td class="${l.state}">${l.state}</td><td>${l.score==null?'unknown':l.score.toFixed(2)}</td>`+
                `<td>${Math.round(l.homeFraction*100)}%</td><td>${esc(l.since)}</td></tr>`).join('');
              const moved=Object.entries(plan.rows).filter(([c,row])=>!(Object.keys(row).length===1&&row[c]));
              document.getElementById('plan').innerHTML=moved.length?'<table>'+moved.map(([c,row])=>`<tr><td>${esc(c)}</td><td>`+
                Object.entries(row).map(([s,f])=>`${esc(s)} ${Math.round(f*100)}%`).join(', ')+'</td></tr>').join('')+'</table>':'every catchment served at home';
              document.getElementById('decisions').innerHTML=dec.slice(0,20).map(d=>`<p><b>${esc(d.at)}</b> ${esc(d.summary)}</p>`+
                (d.explanation?`<pre>${esc(d.explanation)}</pre>`:'')).join('');
            }
            refresh();setInterval(refresh,2000);
            </script></body></html>
            """;
}
