// SPSE CA pages talking to SpamKodok 2. window.spamkodok exists only inside SpamKodok;
// every text shown comes from the message catalog and the page texts (both in the page's
// language) the server embeds in the page.
(function () {
  "use strict";
  var catalog = JSON.parse(document.getElementById("katalog-pesan").textContent);
  var pageTexts = JSON.parse(document.getElementById("teks-halaman").textContent);
  var token = (window.d && window.d.authenticityToken) || "";

  function fmt(key, params) {
    var text = catalog[key] || key;
    Object.keys(params || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(params[name]));
    });
    return text;
  }
  function bytes(size) {
    return pageTexts.ukuran.split("{size}").join(String(size));
  }
  function show(el, messages, kind) {
    el.innerHTML = "";
    el.className = "alert " + (kind === "ok" ? "alert-success" : "alert-danger");
    el.setAttribute("role", kind === "ok" ? "status" : "alert");
    [].concat(messages).forEach(function (m) {
      var p = document.createElement("p");
      p.textContent = m;
      el.appendChild(p);
    });
    el.hidden = false;
  }
  function kodokMessages(result) {
    return (result.problems || []).map(function (p) { return fmt(p.key, p.params); });
  }
  function requireKodok(area, key) {
    if (window.spamkodok) { return true; }
    show(area, [fmt(key)], "error");
    document.querySelectorAll("[data-butuh-spamkodok]").forEach(function (b) { b.disabled = true; });
    return false;
  }

  // AMS registration -------------------------------------------------------------------------
  // SpamKodok 2 embeds what BSrE issued; the page then tells SPSE (the request is "tertanam").
  async function embed(area, answer, tertanam) {
    var embedded = await window.spamkodok.tanamSertifikat({
      certificate_pem: answer.certificate_pem, chain_pem: answer.chain_pem
    });
    if (!embedded.ok) { show(area, kodokMessages(embedded), "error"); return; }
    if (tertanam) {
      var told = await fetch(tertanam, {
        method: "POST", headers: { "X-Authenticity-Token": token }
      });
      var noted = await told.json();
      if (!noted.ok) { show(area, noted.messages, "error"); return; }
    }
    show(area, [answer.message, answer.embedded_message, answer.subject], "ok");
  }

  function amsPage(root) {
    var area = document.getElementById("hasil-ams");
    if (!requireKodok(area, "ams.butuh_spamkodok")) { return; }
    var form = root.querySelector("form");
    if (form) {
      form.addEventListener("submit", async function (event) {
        event.preventDefault();
        var request = await window.spamkodok.buatPermintaan({
          common_name: root.dataset.nama, organization: root.dataset.organisasi,
          email: root.dataset.email
        });
        if (!request.ok) { show(area, kodokMessages(request), "error"); return; }
        var body = new FormData(form);
        body.set("csr", request.csr_pem);
        var response = await fetch(form.action, { method: "POST", body: body });
        var answer = await response.json();
        if (!answer.ok) { show(area, answer.messages, "error"); return; }
        // A vendor's request waits for the LPSE's verifikator: nothing to embed yet.
        if (answer.menunggu) { show(area, [answer.message], "ok"); return; }
        await embed(area, answer, null);
      });
    }
    var button = document.getElementById("tanam-sertifikat");
    if (button) {
      button.addEventListener("click", async function () {
        button.disabled = true;
        try {
          var response = await fetch(button.dataset.sertifikat);
          var answer = await response.json();
          if (!answer.ok) { show(area, answer.messages, "error"); return; }
          await embed(area, answer, button.dataset.tertanam);
        } finally {
          button.disabled = false;
        }
      });
    }
  }

  // Offer upload -----------------------------------------------------------------------------
  function offerPage(root) {
    var area = document.getElementById("hasil-penawaran");
    if (!requireKodok(area, "penawaran.butuh_spamkodok")) { return; }
    var chosen = [];
    var table = document.getElementById("daftar-file");
    var recipients = JSON.parse(document.getElementById("sertifikat-pokja").textContent);
    var advice = document.getElementById("saran-spamkodok");
    window.spamkodok.info().then(function (info) {
      var texts = (info.saran || []).map(function (p) { return fmt(p.key, p.params); });
      if (texts.length) { advice.textContent = texts.join(" "); advice.hidden = false; }
      advice.dataset.pemeriksaan = "selesai";
    });

    document.getElementById("pilih-file").addEventListener("click", async function () {
      var result = await window.spamkodok.pilihFile();
      if (!result.ok) { show(area, kodokMessages(result), "error"); return; }
      chosen = result.files;
      table.querySelector("tbody").innerHTML = "";
      var rejected = [];
      chosen.forEach(function (f) {
        var row = table.querySelector("tbody").insertRow();
        row.insertCell().textContent = f.name;
        row.insertCell().textContent = bytes(f.size);
        var problems = (f.problems || []).map(function (p) { return fmt(p.key, p.params); });
        row.insertCell().textContent = problems.length ? problems.join(" ") : "OK";
        rejected = rejected.concat(problems);
      });
      table.hidden = false;
      if (rejected.length) { show(area, rejected, "error"); } else { area.hidden = true; }
    });

    document.getElementById("kirim-penawaran").addEventListener("click", async function (event) {
      var button = event.target;
      if (!chosen.length) { show(area, [fmt("penawaran.belum_pilih_file")], "error"); return; }
      button.disabled = true;
      try {
        // The part carrying the price: SPSE generates the Surat Penawaran first, and it is
        // sealed together with the chosen documents.
        var extra = [];
        var price = document.getElementById("harga-penawaran");
        if (price) {
          var letter = await fetch(root.dataset.surat, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Authenticity-Token": token },
            body: JSON.stringify({ harga: price.value,
                                   masa_berlaku: document.getElementById("masa-berlaku").value,
                                   bagian: root.dataset.bagian })
          });
          var made = await letter.json();
          if (!made.ok) { show(area, made.messages, "error"); return; }
          extra.push({ name: made.name, data_b64: made.data_b64 });
        }
        // SpamKodok seals into a file and puts it into the hidden file input by path; the
        // upload streams that file from disk, the offer never passes through the page as bytes.
        var sealed = await window.spamkodok.segel({
          tender_id: root.dataset.tender, vendor_id: root.dataset.vendor,
          profile: root.dataset.profile, recipients_pem: recipients,
          paths: chosen.map(function (f) { return f.path; }),
          tambahan: extra,
          waktu_server: root.dataset.waktuServer, masukan: "berkas-tersegel"
        });
        if (!sealed.ok) { show(area, kodokMessages(sealed), "error"); return; }
        var file = document.getElementById("berkas-tersegel").files[0];
        var response;
        try {
          response = await fetch(root.dataset.kirim, {
            method: "POST", body: file,
            headers: { "Content-Type": "application/octet-stream", "X-Authenticity-Token": token }
          });
        } catch (e) {
          show(area, [fmt("penawaran.terputus")], "error");
          return;
        }
        var answer = await response.json();
        if (!answer.ok) { show(area, answer.messages, "error"); return; }
        if (answer.size !== sealed.size || answer.sha256 !== sealed.sha256) {
          show(area, [fmt("penawaran.ukuran_tidak_sesuai")], "error");
          return;
        }
        document.getElementById("tanda-terima-waktu").textContent = answer.received_at_wib;
        document.getElementById("tanda-terima-ukuran").textContent = bytes(answer.size);
        document.getElementById("tanda-terima-hash").textContent = answer.sha256;
        document.getElementById("tanda-terima").hidden = false;
        show(area, [answer.message], "ok");
      } finally {
        button.disabled = false;
      }
    });
  }

  // Offer opening ----------------------------------------------------------------------------
  function openingPage(root) {
    var area = document.getElementById("hasil-pembukaan");
    if (!requireKodok(area, "penawaran.butuh_spamkodok")) { return; }
    document.getElementById("buka-penawaran").addEventListener("click", async function (event) {
      event.target.disabled = true;
      var rows = root.querySelectorAll("tr[data-offer]");
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var status = row.querySelector(".status");
        var subject = row.querySelector(".subjek");
        status.textContent = pageTexts.sedang_dibuka;
        // SpamKodok downloads the stored offer itself (streamed to a file) and opens it there.
        var result = await window.spamkodok.buka({
          tender_id: root.dataset.tender, offer_id: row.dataset.offer,
          dokumen: row.dataset.dokumen,
          receipt: { sha256: row.dataset.sha256, size: Number(row.dataset.size),
                     received_at: row.dataset.received }
        });
        if (!result.code) { status.textContent = kodokMessages(result).join(" "); continue; }
        var saved = await fetch(row.dataset.catat, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Authenticity-Token": token },
          body: JSON.stringify({ code: result.code, signer_subject: result.signer_subject || "",
                                 files: result.files || [] })
        });
        var answer = await saved.json();
        status.textContent = answer.ok ? answer.status : answer.messages.join(" ");
        if (answer.ok) { row.querySelector(".harga").textContent = answer.harga; }
        row.dataset.code = result.code;
        subject.textContent = result.signer_subject || "-";
      }
      show(area, [fmt("pembukaan.selesai")], "ok");
    });
  }

  // Import APD (upgrade of an old SpamKodok certificate) ------------------------------------
  function apdPage(root) {
    var area = document.getElementById("hasil-apd");
    if (!requireKodok(area, "ams.butuh_spamkodok")) { return; }
    root.querySelector("form").addEventListener("submit", async function (event) {
      event.preventDefault();
      var form = event.target;
      var button = form.querySelector("button");
      button.disabled = true;
      try {
        // SpamKodok 2 opens its file dialog for the APD, checks it at SPSE's time, makes a key.
        var imported = await window.spamkodok.importApd({
          passphrase: document.getElementById("passphrase-apd").value,
          waktu_server: root.dataset.waktuServer
        });
        if (!imported.ok) { show(area, kodokMessages(imported), "error"); return; }
        var body = new FormData(form);
        body.set("csr", imported.csr_pem);
        body.set("sertifikat_lama", imported.old_certificate_pem);
        var response = await fetch(form.action, { method: "POST", body: body });
        var answer = await response.json();
        if (!answer.ok) { show(area, answer.messages, "error"); return; }
        // With the in-person step the upgrade waits for the verifikator; SpamKodok 2 keeps
        // the new key until the certificate is embedded from the AMS page.
        if (answer.menunggu) { show(area, [answer.message], "ok"); return; }
        await embed(area, answer, null);
      } finally {
        button.disabled = false;
      }
    });
  }

  var pages = { ams: amsPage, penawaran: offerPage, pembukaan: openingPage, apd: apdPage };
  var root = document.querySelector("[data-halaman]");
  if (root && pages[root.dataset.halaman]) { pages[root.dataset.halaman](root); }
})();
