import { describe, expect, it } from 'vitest';
import { explorerFor } from '../../src/explorers.ts';
import { translator, type Lang } from '../../src/i18n.ts';
import { toHtml } from '../../src/view/tree.ts';
import { verdict, verdictNode } from '../../src/view/verdict.ts';
import type { Verdict } from '../../src/view/explorer.ts';

/** The verdict an explorer gives for a scenario (SPEC §4), in one language. */
function verdictOf(kind: string, raw: Record<string, string>, lang: Lang): Verdict {
  const definition = explorerFor(kind);
  const result = definition.read(raw);
  if (!result.ok) throw new Error(`invalid scenario ${JSON.stringify(raw)}`);
  return definition.view(result.scenario, translator(lang)).verdict;
}

/*
 * Each sentence worked out by hand from the SPEC rules for the scenario (defaults in SPEC §2): the
 * hop the backend receives (§3), the failover arithmetic (§3: degraded-at 160, switch-at 180,
 * outage 135 for the defaults), the port load (§10: 20 connections a second × (2 s + 240 s
 * hold-down) = 4,840 ports against the default allocation of 1,024 for a pool of 10).
 */
describe.each<[string, string, Record<string, string>, Verdict['state'], string, string]>([
  [
    // Destination NAT only: the client's own address arrives, the destination is the backend.
    'load-balancer',
    'defaults',
    {},
    'ok',
    'The backend sees the client’s own address 203.0.113.10:50000 as the source, and 10.0.1.4:443 as the destination.',
    'バックエンドには、クライアント自身のアドレス 203.0.113.10:50000 が送信元、10.0.1.4:443 が宛先として届きます。',
  ],
  [
    // Floating IP: the destination stays the frontend's address, on the backend port; the VM answers
    // only once its guest OS holds that address on a loopback interface (Learn's guest OS configuration),
    // so it is a warning that says so.
    'load-balancer',
    'Floating IP',
    { floating: '1' },
    'warning',
    'The backend receives the client’s own address 203.0.113.10:50000 as the source and the frontend’s 198.51.100.10:443 as the destination (Floating IP): the VM answers only if its guest OS holds 198.51.100.10 on a loopback interface (on Windows, with the weak host model) and the service listens on it.',
    'バックエンドには、クライアント自身のアドレス 203.0.113.10:50000 が送信元、フロントエンドの 198.51.100.10:443 が宛先として届きます（フローティング IP）。VM が応答するのは、ゲスト OS のループバック インターフェイスに 198.51.100.10 を構成し（Windows では弱いホスト モデルも有効にし）、サービスがそのアドレスで待ち受けている場合だけです。',
  ],
  [
    // Instance 1 of 10.0.0.0/24 is 10.0.0.4, on gport 40000; the gateway appends client:cport, so the
    // backend can learn the client: OK by the shared rule (clientAddressState).
    'application-gateway',
    'defaults',
    {},
    'ok',
    'The backend sees 10.0.0.4:40000 (gateway instance 1) as the source, not the client; the client’s 203.0.113.10:50000 is the last entry of X-Forwarded-For.',
    'バックエンドに届く送信元はクライアントではなく、10.0.0.4:40000（ゲートウェイのインスタンス 1）です。クライアントの 203.0.113.10:50000 は X-Forwarded-For の最後の要素に入ります。',
  ],
  [
    // An entry the client sent itself comes first and proves nothing; instance 2 is 10.0.0.5.
    'application-gateway',
    'forged entry, instance 2',
    { xffin: '198.51.100.7', via: '2' },
    'ok',
    'The backend sees 10.0.0.5:40000 (gateway instance 2) as the source, not the client; the client’s 203.0.113.10:50000 is the last entry of X-Forwarded-For. Every entry before it came from the client itself and proves nothing.',
    'バックエンドに届く送信元はクライアントではなく、10.0.0.5:40000（ゲートウェイのインスタンス 2）です。クライアントの 203.0.113.10:50000 は X-Forwarded-For の最後の要素に入ります。それより前の要素はクライアント自身が送ったもので、何の証明にもなりません。',
  ],
  [
    'client-certificate',
    'end-to-end TLS',
    {},
    'fails',
    'With End-to-end TLS (default), the client certificate never reaches the backend: the client’s TLS ends at Application Gateway. Behind Load Balancer or Traffic Manager it does.',
    'エンドツーエンド TLS（既定）では、クライアント証明書はバックエンドに届きません。クライアントの TLS は Application Gateway で終端します。Load Balancer や Traffic Manager の背後なら届きます。',
  ],
  [
    'client-certificate',
    'mTLS strict',
    { tls: 'mtls-strict' },
    'warning',
    'With Mutual TLS (mTLS) strict mode, Application Gateway validates the client certificate itself; the backend gets it only as a header, when a rewrite rule adds it.',
    '相互 TLS (mTLS) 厳格モードでは、Application Gateway がクライアント証明書を自ら検証します。バックエンドには、書き換え規則で追加した場合にだけヘッダーとして届きます。',
  ],
  [
    'client-certificate',
    'mTLS passthrough',
    { tls: 'mtls-passthrough' },
    'warning',
    'With Mutual TLS (mTLS) passthrough mode, Application Gateway asks for the client certificate without validating it; the backend gets it only as a header, when a rewrite rule adds it, and must validate it itself.',
    '相互 TLS (mTLS) パススルー モードでは、Application Gateway はクライアント証明書を要求するだけで検証しません。バックエンドには書き換え規則で追加した場合にだけヘッダーとして届き、検証はバックエンドが行います。',
  ],
  [
    'traffic-manager',
    'no failure',
    {},
    'ok',
    'The client resolves test.trafficmanager.net to endpoint 1 and connects straight to 198.51.100.30:443; Traffic Manager is not on the data path.',
    'クライアントは test.trafficmanager.net の名前解決でエンドポイント 1 を得て、198.51.100.30:443 に直接接続します。Traffic Manager はデータの経路に入りません。',
  ],
  [
    // Failure at 45 s: first failing probe at 60, + 3 × 30 + timeout 10 = Degraded at 160; a lookup at 100 still gets endpoint 1.
    'traffic-manager',
    'failed, not yet noticed',
    { fail: '45', resolved: '100' },
    'fails',
    'Endpoint 1 has been down since t=45 s, but Traffic Manager marks it Degraded only at t=160 s; until then the client is still sent to 198.51.100.30:443.',
    'エンドポイント 1 は t=45 秒から停止していますが、Traffic Manager が機能低下と判定するのは t=160 秒です。それまでクライアントは停止した 198.51.100.30:443 に送られます。',
  ],
  [
    // A lookup at 200, after 160: endpoint 2.
    'traffic-manager',
    'failed and Degraded',
    { fail: '45', resolved: '200' },
    'ok',
    'Endpoint 1 has been Degraded since t=160 s, so the client resolves test.trafficmanager.net to endpoint 2 and connects straight to 198.51.100.40:443.',
    'エンドポイント 1 は t=160 秒から機能低下の状態なので、クライアントは test.trafficmanager.net の名前解決でエンドポイント 2 を得て、198.51.100.40:443 に直接接続します。',
  ],
  [
    // Degraded at 160; the cache (TTL 60 from 0) runs out at 180: outage 180 − 45 = 135, of which 20 s are the cache's.
    'failover',
    'defaults',
    {},
    'warning',
    'Endpoint 1 fails at t=45 s and Traffic Manager marks it Degraded at t=160 s; clients reach the healthy endpoint at t=180 s, 135 s after the failure. From t=160 s to t=180 s (20 s), the cached DNS answer still keeps clients on the failed endpoint.',
    'エンドポイント 1 は t=45 秒に停止し、Traffic Manager は t=160 秒に機能低下と判定します。クライアントが正常なエンドポイントに届くのは t=180 秒、障害から 135 秒後です。t=160 秒から t=180 秒までの 20 秒は、キャッシュされた DNS 応答がクライアントを停止したエンドポイントに向けたままにします。',
  ],
  [
    // TTL 0: no cache, so the switch is the moment it is Degraded: 160 − 45 = 115.
    'failover',
    'TTL 0',
    { ttl: '0' },
    'warning',
    'Endpoint 1 fails at t=45 s and Traffic Manager marks it Degraded at t=160 s; clients reach the healthy endpoint at t=160 s, 115 s after the failure.',
    'エンドポイント 1 は t=45 秒に停止し、Traffic Manager は t=160 秒に機能低下と判定します。クライアントが正常なエンドポイントに届くのは t=160 秒、障害から 115 秒後です。',
  ],
  [
    // 1,024 ports ÷ 20 a second = 51.2 s.
    'outbound',
    'defaults',
    {},
    'fails',
    'Exhausted after 51.2 s: 4,840 ports needed toward 203.0.113.200:443, 1,024 available per VM (Load Balancer outbound rule).',
    '51.2 秒で SNAT ポートが枯渇します。203.0.113.200:443 への負荷に必要なポートは 4,840 で、VM 1 台あたり使えるのは 1,024 です（Load Balancer のアウトバウンド規則）。',
  ],
  [
    // 1 a second × 242 s = 242 ports, within 1,024.
    'outbound',
    'a load that fits',
    { rate: '1' },
    'ok',
    'Fits: 242 ports needed toward 203.0.113.200:443, 1,024 available per VM (Load Balancer outbound rule).',
    'SNAT ポートは足ります。203.0.113.200:443 への負荷に必要なポートは 242 で、VM 1 台あたり使えるのは 1,024 です（Load Balancer のアウトバウンド規則）。',
  ],
  [
    'outbound',
    'instance-level public IP',
    { egress: 'ilpip' },
    'ok',
    'No SNAT ports to run out of: with an instance-level public IP the VM keeps its own ports toward 203.0.113.200:443.',
    '枯渇する SNAT ポートはありません。インスタンス レベルのパブリック IP では、203.0.113.200:443 への接続に VM 自身のポートがそのまま使われます。',
  ],
  [
    // Front Door's edge 192.0.2.50 on eport 41000; the client's socket address arrives in a header only,
    // which is enough for the backend to learn it: OK.
    'front-door',
    'defaults',
    {},
    'ok',
    'The origin sees the edge address 192.0.2.50:41000 as the source, never the client; the client’s 203.0.113.10 arrives only in headers. To accept only your profile’s requests, check that X-Azure-FDID is a1b2c3d4-0000-4000-8000-00000000fd01.',
    '配信元に届く送信元はクライアントではなく、エッジのアドレス 192.0.2.50:41000 です。クライアントの 203.0.113.10 はヘッダーでだけ届きます。自分のプロファイルからの要求だけを受け付けるには、X-Azure-FDID が a1b2c3d4-0000-4000-8000-00000000fd01 であることを確かめます。',
  ],
  [
    // Front Door then the gateway: the gateway's instance is the source; Front Door ended the client's TLS.
    // Front Door wrote the first entry (the client's IP), the gateway appended the edge it saw.
    'path',
    'fd,agw',
    { chain: 'fd,agw' },
    'ok',
    'The backend sees 10.0.0.4:40000 as the source; X-Forwarded-For carries 203.0.113.10, 192.0.2.50:41000, where the client is entry 1 of 2, 203.0.113.10; the client certificate stops at Front Door.',
    'バックエンドに届く送信元は 10.0.0.4:40000 です。X-Forwarded-For は 203.0.113.10, 192.0.2.50:41000 で、クライアントは 2 個のうち 1 番目の 203.0.113.10 です。クライアント証明書は Front Door で止まります。',
  ],
  [
    // A forged entry first: the client is the first entry a proxy wrote, the second of three.
    'path',
    'fd,agw with an entry from the client',
    { chain: 'fd,agw', xffin: '198.51.100.7' },
    'ok',
    'The backend sees 10.0.0.4:40000 as the source; X-Forwarded-For carries 198.51.100.7, 203.0.113.10, 192.0.2.50:41000, where the client is entry 2 of 3, 203.0.113.10 (every entry before it came from the client itself and proves nothing); the client certificate stops at Front Door.',
    'バックエンドに届く送信元は 10.0.0.4:40000 です。X-Forwarded-For は 198.51.100.7, 203.0.113.10, 192.0.2.50:41000 で、クライアントは 3 個のうち 2 番目の 203.0.113.10 です（それより前の要素はクライアント自身が送ったもので、何の証明にもなりません）。クライアント証明書は Front Door で止まります。',
  ],
  [
    // Traffic Manager only answers DNS; the gateway appends client:cport, its only entry.
    'path',
    'tm,agw',
    { chain: 'tm,agw' },
    'ok',
    'The backend sees 10.0.0.4:40000 as the source; X-Forwarded-For carries the client’s 203.0.113.10:50000; the client certificate stops at Application Gateway.',
    'バックエンドに届く送信元は 10.0.0.4:40000 です。X-Forwarded-For にはクライアントの 203.0.113.10:50000 が入ります。クライアント証明書は Application Gateway で止まります。',
  ],
  [
    // The firewall's DNAT translates the source to its instance 10.0.2.6:42000, which the gateway then
    // appends: the client's address is gone, so the shared rule makes it a warning (issue 32, F).
    'path',
    'fw,agw',
    { chain: 'fw,agw' },
    'warning',
    'The backend sees 10.0.0.4:40000 as the source; X-Forwarded-For carries 10.0.2.6:42000; the client certificate stops at Application Gateway. The client’s address 203.0.113.10 is lost on the way: neither the packet’s source nor a header carries it.',
    'バックエンドに届く送信元は 10.0.0.4:40000 です。X-Forwarded-For は 10.0.2.6:42000 です。クライアント証明書は Application Gateway で止まります。クライアントのアドレス 203.0.113.10 は途中で失われます。パケットの送信元にもヘッダーにも残りません。',
  ],
  [
    // Private Link: the backend sees the NAT IP 10.0.3.4:43000; with TCP Proxy v2 off nothing carries the consumer.
    'path',
    'pls,lb without the PROXY header',
    { chain: 'pls,lb', client: '10.1.0.10' },
    'warning',
    'The backend sees 10.0.3.4:43000 as the source; no X-Forwarded-For header; the client certificate reaches it. The client’s address 10.1.0.10 is lost on the way; the Private Link service can pass it in a PROXY protocol v2 header (turn on TCP Proxy v2).',
    'バックエンドに届く送信元は 10.0.3.4:43000 です。X-Forwarded-For ヘッダーはありません。クライアント証明書はバックエンドまで届きます。クライアントのアドレス 10.1.0.10 は途中で失われます。Private Link サービスの TCP Proxy v2 をオンにすると、PROXY プロトコル v2 ヘッダーで渡せます。',
  ],
  [
    // With it on, the header's source is the consumer's address and port as the private endpoint accepted them.
    'path',
    'pls,lb with the PROXY header',
    { chain: 'pls,lb', client: '10.1.0.10', proxy: '1' },
    'ok',
    'The backend sees 10.0.3.4:43000 as the source; no X-Forwarded-For header; the client certificate reaches it. The consumer’s address 10.1.0.10:50000 arrives in the PROXY protocol v2 header in front of the stream.',
    'バックエンドに届く送信元は 10.0.3.4:43000 です。X-Forwarded-For ヘッダーはありません。クライアント証明書はバックエンドまで届きます。コンシューマーのアドレス 10.1.0.10:50000 は、ストリームの先頭に付く PROXY プロトコル v2 ヘッダーで届きます。',
  ],
  [
    // Load Balancer alone: nothing rewrites the source, nothing ends TLS.
    'path',
    'lb',
    { chain: 'lb' },
    'ok',
    'The backend sees 203.0.113.10:50000 as the source; no X-Forwarded-For header; the client certificate reaches it.',
    'バックエンドに届く送信元は 203.0.113.10:50000 です。X-Forwarded-For ヘッダーはありません。クライアント証明書はバックエンドまで届きます。',
  ],
  [
    // A routed firewall with no user routes: the gateway's request (leg 2) goes straight to the backend
    // around the firewall, so the design fails before its reply does; what the backend sees follows.
    'path',
    'agw,fwr',
    { chain: 'agw,fwr' },
    'fails',
    'Leg 2 does not reach the firewall: a route it needs is missing, so the traffic goes around it (see the routes listed under the table). The backend sees 10.0.0.4:40000 as the source; X-Forwarded-For carries the client’s 203.0.113.10:50000; the client certificate stops at Application Gateway.',
    '区間 2 はファイアウォールに届きません。必要なルートが足りないため、通信はファイアウォールを迂回します（表の下に挙げたルートを参照）。バックエンドに届く送信元は 10.0.0.4:40000 です。X-Forwarded-For にはクライアントの 203.0.113.10:50000 が入ります。クライアント証明書は Application Gateway で止まります。',
  ],
  [
    // A user route to None on the gateway's subnet for the backends' prefix: the gateway's request
    // (leg 2) is dropped there; the verdict opens with that, not with a reply gone astray.
    'path',
    'agw with a route to None',
    { chain: 'agw', routes: 'agw:10.0.1.0/24=none' },
    'fails',
    'Leg 2 is dropped: a user-defined route sends 10.0.1.0/24 to next hop None (see the warning under the table). The backend sees 10.0.0.4:40000 as the source; X-Forwarded-For carries the client’s 203.0.113.10:50000; the client certificate stops at Application Gateway.',
    '区間 2 は破棄されます。10.0.1.0/24 の次ホップを「なし」にしたユーザー定義ルートがあります（表の下の警告を参照）。バックエンドに届く送信元は 10.0.0.4:40000 です。X-Forwarded-For にはクライアントの 203.0.113.10:50000 が入ります。クライアント証明書は Application Gateway で止まります。',
  ],
])('%s verdict, %s', (kind, _name, raw, state, en, ja) => {
  it('English', () => expect(verdictOf(kind, raw, 'en')).toMatchObject({ state, text: en }));
  it('Japanese', () => expect(verdictOf(kind, raw, 'ja')).toMatchObject({ state, text: ja }));
});

describe('health-probes verdict', () => {
  // Every probing service in the registry's order: LB's one address, the gateway's two instances
  // (10.0.0.4 and 10.0.0.5 of 10.0.0.0/24), and the service tags of Traffic Manager and Front Door.
  it('names each service’s probe source', () => {
    expect(verdictOf('health-probes', {}, 'en')).toMatchObject({
      state: 'ok',
      text:
        'Probes come from 168.63.129.16 (Load Balancer and AKS Service (type LoadBalancer)), 10.0.0.4–10.0.0.5 (Application Gateway), AzureTrafficManager (Traffic Manager) and AzureFrontDoor.Backend (Front Door); ' +
        'an NSG in front of what they probe must let them in, or the target is marked unhealthy.',
    });
    expect(verdictOf('health-probes', { instances: '1' }, 'ja').text).toBe(
      'プローブの送信元は 168.63.129.16（Load Balancer、AKS の Service（type LoadBalancer））、10.0.0.4（Application Gateway）、AzureTrafficManager（Traffic Manager）、AzureFrontDoor.Backend（Front Door）です。' +
        'プローブ先の手前の NSG がこれらを許可しないと、プローブ先は異常と判定されます。',
    );
  });
});

describe('verdictNode', () => {
  const t = translator('en');
  it('writes the state as a word and each value as a chip, with the sentence as data-value', () => {
    const v = verdict('fails', 'From 10.0.0.4:40000 to 10.0.1.4:443, then 10.0.0.4:40000 again.', [
      '10.0.0.4:40000',
      '10.0.1.4:443',
      'absent',
    ]);
    expect(toHtml(verdictNode(v, t))).toBe(
      '<p class="atp-verdict" data-field="verdict" data-value="From 10.0.0.4:40000 to 10.0.1.4:443, then 10.0.0.4:40000 again." data-state="fails">' +
        '<strong class="atp-verdict-state">Fails</strong> <span class="atp-verdict-text">From <code class="atp-chip">10.0.0.4:40000</code> to ' +
        '<code class="atp-chip">10.0.1.4:443</code>, then <code class="atp-chip">10.0.0.4:40000</code> again.</span></p>',
    );
  });
  it('says each state in words in both languages', () => {
    const words = (['ok', 'warning', 'fails'] as const).map((state) => [
      translator('en')(`verdict.state.${state}`),
      translator('ja')(`verdict.state.${state}`),
    ]);
    expect(words).toEqual([
      ['OK', '問題なし'],
      ['Caution', '注意'],
      ['Fails', '失敗'],
    ]);
  });
});

/*
 * The one rule for the state where the question is what the backend receives (clientAddressState in
 * src/view/verdict.ts): OK when the backend can learn the client's address (the packet's source, an
 * X-Forwarded-For entry a proxy wrote, the PROXY protocol v2 header's source), a warning when it is
 * lost on the way. Worked out by hand from SPEC §3, §9, §11 and §15 for each explorer.
 */
describe('the client-address rule, across explorers', () => {
  it.each<[string, Record<string, string>, Verdict['state'], string]>([
    ['load-balancer', {}, 'ok', 'destination NAT keeps the source'],
    ['application-gateway', {}, 'ok', 'the last X-Forwarded-For entry'],
    ['front-door', {}, 'ok', 'X-Forwarded-For and X-Azure-SocketIP'],
    ['aks', { etp: 'local', pick: '2' }, 'ok', 'Local keeps the source'],
    ['aks', { etp: 'cluster' }, 'warning', 'Cluster translates it to the node and nothing carries it'],
    ['path', { chain: 'glb,lb' }, 'ok', 'both tiers pass it through'],
    ['path', { chain: 'agw,lb' }, 'ok', 'the gateway appends it'],
    ['path', { chain: 'fd,fw,agw' }, 'ok', 'Front Door wrote it before the firewall translated the source'],
    ['path', { chain: 'fw,agw' }, 'warning', 'the firewall translated it before any proxy wrote a header'],
    ['path', { chain: 'pls,lb', client: '10.1.0.10' }, 'warning', 'the NAT IP, no PROXY header'],
    ['path', { chain: 'pls,lb', client: '10.1.0.10', proxy: '1' }, 'ok', 'the PROXY header'],
  ])('%s %j: %s (%s)', (kind, raw, state) => {
    expect(verdictOf(kind, raw, 'en').state).toBe(state);
    expect(verdictOf(kind, raw, 'ja').state).toBe(state);
  });
});
